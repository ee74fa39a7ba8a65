import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { postsDirectory } from '@/lib/deploy/paths.mjs';

// Apart from the compiler, so that scripts that only need to know which posts exist start quickly.

const isPostFile = (name: string) => name.endsWith('.mdx');
const slugsOf = (names: string[]) => new Set(names.filter(isPostFile).map((name) => path.basename(name, '.mdx')));

/** Every post file, drafts included. */
export async function listPostFiles(): Promise<string[]> {
  const directory = postsDirectory();
  return (await readdir(directory)).filter(isPostFile).map((name) => path.join(directory, name));
}

/** The slug of every post, drafts included. */
export async function listPostSlugs(): Promise<Set<string>> {
  return slugsOf(await readdir(postsDirectory()));
}

/** The slug of every post, drafts included, read before returning. */
export function listPostSlugsNow(): Set<string> {
  return slugsOf(readdirSync(postsDirectory()));
}

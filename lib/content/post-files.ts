import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { postsDirectory } from '@/lib/deploy/paths.mjs';

// Apart from the compiler, so that scripts that only need to know which posts exist start quickly.

/** Every post file, drafts included. */
export async function listPostFiles(): Promise<string[]> {
  const directory = postsDirectory();
  return (await readdir(directory)).filter((name) => name.endsWith('.mdx')).map((name) => path.join(directory, name));
}

/** The slug of every post, drafts included. */
export async function listPostSlugs(): Promise<Set<string>> {
  return new Set((await listPostFiles()).map((file) => path.basename(file, '.mdx')));
}

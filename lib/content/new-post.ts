import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { postSlugPattern, slugFromTitle } from './post-slug';

/** The writer's calendar day, not UTC's: a post started late in the evening is dated that evening. */
export function localIsoDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newPostSource(title: string, date: string): string {
  return matter.stringify('\nStart writing here.\n', { title, date, tags: [], draft: true });
}

export type NewPostResult = { ok: true; file: string } | { ok: false; message: string };

/** Creates `<slug>.mdx` as a draft dated today; never overwrites a post that exists. */
export async function createPost(
  directory: string,
  title: string,
  { slug = slugFromTitle(title), now = new Date() }: { slug?: string; now?: Date } = {},
): Promise<NewPostResult> {
  if (!title.trim()) return { ok: false, message: 'Give the post a title: npm run new -- "My first post".' };
  if (!postSlugPattern.test(slug)) {
    return { ok: false, message: `"${slug}" cannot be a file name: pass one with --slug, made of a-z, 0-9 and single hyphens.` };
  }
  const file = path.join(directory, `${slug}.mdx`);
  try {
    await writeFile(file, newPostSource(title.trim(), localIsoDate(now)), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, message: `${file} exists already: nothing was changed.` };
    throw error;
  }
  return { ok: true, file };
}

import path from 'node:path';
import type { CompiledPost } from '@/lib/content/compile';
import type { IndexedPost } from './search-index';

/** What the index keeps of a compiled post: its frontmatter and the text a reader sees. */
export function toIndexedPost(file: string, { frontmatter, text }: CompiledPost): IndexedPost {
  const { title, date, tags, description } = frontmatter;
  return { slug: path.basename(file, '.mdx'), title, date, tags, description, text };
}

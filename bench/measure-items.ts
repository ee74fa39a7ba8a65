import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { compilePost } from '../lib/content/compile';
import { readFrontmatter } from '../lib/content/read-frontmatter';
import { readingStats } from '../lib/content/reading-stats';
import { drawCard } from '../lib/og/render';

export interface ItemTimes {
  mdxMs: number[];
  cardMs: number[];
}

/**
 * Compiles posts and draws their cards one at a time in this process, so that each time is that
 * item's own cost. Inside a build several pages render at once on each worker, and a compile's wall
 * time there counts its neighbours' work too. The first post warms the highlighter and the fonts.
 */
export async function timeItems(contentDirectory: string, limit: number): Promise<ItemTimes> {
  const names = (await readdir(contentDirectory)).filter((name) => name.endsWith('.mdx')).sort();
  const times: ItemTimes = { mdxMs: [], cardMs: [] };
  for (const [index, name] of names.slice(0, limit + 1).entries()) {
    const file = path.join(contentDirectory, name);
    const source = await readFile(file, 'utf8');
    let started = performance.now();
    await compilePost(file, source);
    const mdxMs = performance.now() - started;
    const { frontmatter, content } = readFrontmatter(file, source);
    const { readingMinutes } = readingStats(content);
    started = performance.now();
    await drawCard({ kind: 'post', title: frontmatter.title, date: frontmatter.date, readingMinutes });
    const cardMs = performance.now() - started;
    if (index === 0) continue;
    times.mdxMs.push(mdxMs);
    times.cardMs.push(cardMs);
  }
  return times;
}

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkPosts } from '../lib/content/check/check-posts';
import { getCompiledPost } from '../lib/content/posts';
import { toIndexedPost } from '../lib/search/indexed-post';
import { parseQuery } from '../lib/search/parse-query';
import { loadSearchIndex, type IndexedPost } from '../lib/search/search-index';
import { searchPosts } from '../lib/search/search-posts';
import { tokenize } from '../lib/search/terms';

/** Compiles the posts as `npm run check` does (across all cores, into `cacheDirectory`), then reads them as the build indexes them. */
export async function compileForSearch(contentDirectory: string, cacheDirectory: string): Promise<IndexedPost[]> {
  process.env.FOLIO_CACHE_DIR = cacheDirectory;
  const files = (await readdir(contentDirectory)).filter((name) => name.endsWith('.mdx')).sort().map((name) => path.join(contentDirectory, name));
  const broken = (await checkPosts(files)).filter((result) => result.problem !== undefined);
  if (broken.length > 0) throw new Error(`${broken.length} generated posts do not compile: ${broken[0]?.problem}`);
  const posts: IndexedPost[] = [];
  for (const file of files) posts.push(toIndexedPost(file, await getCompiledPost(file, await readFile(file, 'utf8'))));
  return posts;
}

/**
 * What readers type, drawn from the posts themselves so that every query can match: a word, two
 * words of a title, a word's beginning, a word with a letter missing, a three-word phrase from a
 * body, a tag and a whole title, in turn.
 */
export function searchQueries(posts: IndexedPost[], count = 70): string[] {
  return Array.from({ length: count }, (_, at) => {
    const post = posts[Math.floor((at * posts.length) / count)] as IndexedPost;
    const words = tokenize(post.text);
    const long = words.filter((word) => word.length >= 6);
    const pick = (list: string[]) => list[(at * 7) % list.length] ?? 'garden';
    const title = tokenize(post.title);
    const start = (at * 13) % Math.max(1, words.length - 3);
    return [
      pick(long),
      title.slice(0, 2).join(' '),
      pick(long).slice(0, 4),
      pick(long).replace(/(?<=^.{3})./u, ''),
      `"${words.slice(start, start + 3).join(' ')}"`,
      post.tags[0] ?? 'writing',
      post.title,
    ][at % 7] as string;
  });
}

/** Milliseconds per search, page 1 as /search shows it (quoted passages included), `rounds` times over the queries after one unmeasured round. */
export function timeSearches(index: Awaited<ReturnType<typeof loadSearchIndex>>, queries: string[], rounds: number): number[] {
  const times: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const query of queries) {
      const started = performance.now();
      searchPosts(index, parseQuery(query), 1);
      if (round > 0) times.push(performance.now() - started);
    }
  }
  return times;
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function usedBytes(): number {
  collectGarbage();
  collectGarbage();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/** Loads the index in `directory` as a server does: the time it takes, and the memory it holds once loaded. */
export async function measureLoad(directory: string): Promise<{ index: Awaited<ReturnType<typeof loadSearchIndex>>; loadMs: number; bytes: number }> {
  const before = usedBytes();
  const started = performance.now();
  const index = await loadSearchIndex(directory);
  const loadMs = performance.now() - started;
  return { index, loadMs, bytes: usedBytes() - before };
}

export async function fileBytes(directory: string, name: string): Promise<number> {
  return (await stat(path.join(directory, name))).size;
}

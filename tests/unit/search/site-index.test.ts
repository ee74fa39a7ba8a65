import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { parseQuery } from '@/lib/search/parse-query';
import { buildSearchIndex, writeSearchIndex, type SearchIndex } from '@/lib/search/search-index';
import { searchPosts } from '@/lib/search/search-posts';
import { searchCorpus } from '@/tests/fixtures/search/corpus';

let root: string;
const posts = () => path.join(root, 'posts');
const writePost = (slug: string, frontmatter: string, body: string) => writeFile(path.join(posts(), `${slug}.mdx`), `---\n${frontmatter}\n---\n\n${body}\n`);
const found = (index: SearchIndex, query: string) => searchPosts(index, parseQuery(query), 1, 10).hits.map((hit) => hit.slug);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'folio-site-index-'));
  await mkdir(posts());
  vi.stubEnv('FOLIO_CONTENT_DIR', posts());
  vi.stubEnv('FOLIO_CACHE_DIR', path.join(root, 'cache'));
  vi.stubEnv('FOLIO_DIST_DIR', path.join(root, 'dist'));
  await writePost('hedge', 'title: A hedge\ndate: 2024-03-09', 'Hawthorn and hazel.');
  await writePost('orchard', 'title: An orchard\ndate: 2024-03-23\ndraft: true', 'Quince and medlar.');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

it('in `next dev`, indexes the posts as they are, drafts too, and again only when one changes', async () => {
  const { getSearchIndex } = await import('@/lib/search/site-index');
  const first = await getSearchIndex();
  expect(found(first, 'hawthorn')).toEqual(['hedge']);
  expect(found(first, 'quince')).toEqual(['orchard']);
  expect(await getSearchIndex()).toBe(first);
  await writePost('hedge', 'title: A hedge\ndate: 2024-03-09', 'Hawthorn, hazel and blackthorn.');
  const changed = await getSearchIndex();
  expect(changed).not.toBe(first);
  expect(found(changed, 'blackthorn')).toEqual(['hedge']);
}, 30_000);

it('in production, loads the index the build shipped, once for the process', async () => {
  await writeSearchIndex(path.join(root, 'dist-folio', 'search'), buildSearchIndex(searchCorpus));
  vi.stubEnv('NODE_ENV', 'production');
  try {
    const { getSearchIndex } = await import('@/lib/search/site-index');
    const loading = getSearchIndex();
    expect(getSearchIndex()).toBe(loading);
    expect(found(await loading, 'migration')).toEqual(['database-migrations']);
  } finally {
    vi.stubEnv('NODE_ENV', 'test');
  }
});

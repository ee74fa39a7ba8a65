import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseQuery } from '@/lib/search/parse-query';
import { loadSearchIndex, type SearchIndex } from '@/lib/search/search-index';
import { searchPosts } from '@/lib/search/search-posts';

const execFileAsync = promisify(execFile);
let work: string;
let index: SearchIndex;

// The first step of `npm run build` alone: the index is part of what it ships beside the server.
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'folio-search-build-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FOLIO_CONTENT_DIR: path.resolve('tests/fixtures/search-posts'),
    FOLIO_DIST_DIR: path.join(work, 'dist'),
    FOLIO_CACHE_DIR: path.join(work, 'cache'),
  };
  delete env.FOLIO_BLOGROLL;
  await execFileAsync('npx', ['tsx', '--conditions=react-server', 'scripts/prepare-build.ts'], { env });
  index = await loadSearchIndex(path.join(work, 'dist-folio', 'search'));
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const slugsFor = (query: string) => searchPosts(index, parseQuery(query), 1, 10).hits.map((hit) => hit.slug);

it('ships an index of the published posts only: a draft’s words find nothing', () => {
  expect(index.documents.map((post) => post.slug).sort()).toEqual(['clapboard-siding', 'windbreak-hedge']);
  expect(slugsFor('quince medlar')).toEqual([]);
  expect(slugsFor('orchard')).toEqual([]);
});

it('indexes what the posts compile to: a component’s words, not the writer’s comments in braces', () => {
  expect(slugsFor('dormant buds')).toEqual(['windbreak-hedge']);
  expect(slugsFor('greengage')).toEqual([]);
  expect(slugsFor('"clapboard overlaps"')).toEqual(['clapboard-siding']);
  expect(index.readText(index.documents.findIndex((post) => post.slug === 'windbreak-hedge'))).toBe(
    'Hawthorn and hazel, forty whips in a double row.\nPlant them while they are dormant, before the buds break.',
  );
});

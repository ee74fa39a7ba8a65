import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePosts } from '@/bench/generate-posts';
import { parseQuery } from '@/lib/search/parse-query';
import { buildSearchIndex, loadSearchIndex, openBuiltIndex, writeSearchIndex, type IndexedPost, type SearchIndex } from '@/lib/search/search-index';
import { searchPosts } from '@/lib/search/search-posts';
import { searchCorpus } from '@/tests/fixtures/search/corpus';

let index: SearchIndex;
beforeAll(async () => {
  index = await openBuiltIndex(buildSearchIndex(searchCorpus));
});

function search(query: string, page = 1, perPage = 10) {
  return searchPosts(index, parseQuery(query), page, perPage);
}

const slugs = (query: string) => search(query).hits.map((hit) => hit.slug);
const marked = (runs: { text: string; marked: boolean }[]) => runs.filter((run) => run.marked).map((run) => run.text);

describe('searchPosts ranks the post a reader means first', () => {
  it('finds a word from its beginning: "migrat" finds migration before migratory', () => {
    expect(slugs('migrat')).toEqual(['database-migrations', 'moving-house']);
    expect(slugs('schema migrat')).toEqual(['database-migrations']);
  });

  it('forgives a typo in a word of five letters or more, but not in a short one', () => {
    expect(slugs('higlighter')[0]).toBe('highlighting-code');
    expect(slugs('databse')[0]).toBe('database-migrations');
    expect(slugs('cofee')[0]).toBe('coffee-in-lyon');
    expect(slugs('dor')).toEqual([]);
  });

  it('ignores accents and capitals on either side', () => {
    expect(slugs('cafe creme')).toEqual(['coffee-in-lyon']);
    expect(slugs('CAFÉ')).toEqual(['coffee-in-lyon']);
    expect(slugs('brulee')).toEqual(['coffee-in-lyon']);
  });

  it('weighs a tag above the same word in another post’s body', () => {
    expect(slugs('woodwork')).toEqual(['garden-shed', 'timber-yard']);
  });

  it('weighs a title above the same word in another post’s body', () => {
    expect(slugs('notes')[0]).toBe('plain-text-notes');
  });

  it('matches a quoted phrase only where its words stand together, in order', () => {
    expect(slugs('"plain text"')).toEqual(['plain-text-notes']);
    expect(slugs('plain text').sort()).toEqual(['plain-text-notes', 'text-editors']);
    expect(slugs('"text plain"')).toEqual([]);
    expect(slugs('"year of plain text"')).toEqual(['plain-text-notes']);
    expect(slugs('"year plain text"')).toEqual([]);
  });

  it('takes a phrase word by word, without prefixes or typos', () => {
    expect(slugs('"plai text"')).toEqual([]);
    expect(slugs('"plain txt"')).toEqual([]);
  });

  it('does not match a phrase across two fields', () => {
    // The title ends "…notes" and the description of no post follows; the tags "writing tools" are two fields.
    expect(slugs('"writing tools"')).toEqual([]);
  });

  it('falls back to posts with some of the words when none has them all, and says so', () => {
    const results = search('kitchen schema');
    expect(results.someWords).toBe(true);
    expect(results.hits.map((hit) => hit.slug).sort()).toEqual(['database-migrations', 'moving-house']);
    expect(search('kitchen cats').someWords).toBe(false);
  });
});

describe('searchPosts quotes and marks', () => {
  it('quotes the passage that holds the words, marking each match as the text spells it', () => {
    const [hit] = search('reversible migration').hits;
    expect(marked(hit?.snippet ?? [])).toEqual(expect.arrayContaining(['migration', 'reversible']));
    expect(hit?.snippet.map((run) => run.text).join('')).toContain('Every migration is reversible');
  });

  it('marks what a prefix or a typo matched, accents and capitals as written', () => {
    expect(marked(search('migrat').hits[0]?.snippet ?? [])).toContain('migration');
    expect(marked(search('cafe creme').hits[0]?.snippet ?? [])).toEqual(['café', 'crème', 'Crème']);
    expect(marked(search('higlighter').hits[0]?.snippet ?? [])).toEqual(['highlighter']);
  });

  it('quotes from where a phrase was found, and marks it in the title too', () => {
    const [hit] = search('"plain text is instant"').hits;
    expect(hit?.snippet.map((run) => run.text).join('')).toContain('Searching plain text is instant');
    expect(marked(hit?.title ?? [])).toEqual(['plain', 'text']);
  });

  it('quotes the opening words of a post found by a tag alone', () => {
    const [hit] = search('woodwork').hits;
    expect(hit?.snippet.map((run) => run.text).join('')).toMatch(/^Studs every sixty/);
  });
});

describe('searchPosts pages', () => {
  it('shows a page of results at a time, the last one when asked for a page past the end', () => {
    const query = parseQuery('boards text notes folder slabs schema');
    const everything = searchPosts(index, query, 1, 10);
    expect(everything.total).toBe(5);
    const pages = [1, 2, 3, 99].map((page) => searchPosts(index, query, page, 2));
    expect(pages.map(({ total, page, pages, first, hits }) => ({ total, page, pages, first, shown: hits.length }))).toEqual([
      { total: 5, page: 1, pages: 3, first: 1, shown: 2 },
      { total: 5, page: 2, pages: 3, first: 3, shown: 2 },
      { total: 5, page: 3, pages: 3, first: 5, shown: 1 },
      { total: 5, page: 3, pages: 3, first: 5, shown: 1 },
    ]);
    expect(pages.slice(0, 3).flatMap((page) => page.hits.map((hit) => hit.slug))).toEqual(everything.hits.map((hit) => hit.slug));
  });

  it('answers hostile queries without throwing', () => {
    for (const raw of ['x'.repeat(10_000), '\u0000'.repeat(500), '"'.repeat(300), '" " " "', 'a'.repeat(199) + 'é', '<script>alert(1)</script>', '*?+[(', '\\'.repeat(50)]) {
      expect(() => searchPosts(index, parseQuery(raw), 1, 10), raw.slice(0, 20)).not.toThrow();
    }
  });
});

describe('a shipped index', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'folio-search-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('searches the same once written and loaded again, reading texts from disk', async () => {
    await writeSearchIndex(directory, buildSearchIndex(searchCorpus));
    const loaded = await loadSearchIndex(directory);
    const query = parseQuery('"plain text" files');
    expect(searchPosts(loaded, query, 1, 10)).toEqual(searchPosts(index, query, 1, 10));
  });
});

describe('over a generated blog of 300 posts', () => {
  let generated: SearchIndex;
  let posts: IndexedPost[];
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'folio-search-generated-'));
    const folder = await generatePosts(directory, 300);
    posts = await Promise.all(
      (await readdir(folder)).sort().map(async (name) => {
        const { data, content } = matter(await readFile(path.join(folder, name), 'utf8'));
        return { slug: name.replace(/\.mdx$/, ''), title: data.title, date: data.date, tags: data.tags, description: data.description, text: content };
      }),
    );
    generated = await openBuiltIndex(buildSearchIndex(posts));
  }, 30_000);
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('puts the post whose title a reader remembers first, typed exactly, as a phrase or misspelt', () => {
    for (const post of posts.filter((_, at) => at % 37 === 0)) {
      const words = post.title.split(' ').filter((word) => word.length >= 5);
      if (words.length === 0) continue;
      expect(searchPosts(generated, parseQuery(post.title), 1, 5).hits[0]?.slug, post.title).toBe(post.slug);
      expect(searchPosts(generated, parseQuery(`"${post.title}"`), 1, 5).hits[0]?.slug, post.title).toBe(post.slug);
      const misspelt = post.title.replace(words[0] ?? '', (words[0] ?? '').slice(0, -1));
      expect(searchPosts(generated, parseQuery(misspelt), 1, 5).hits.map((hit) => hit.slug), misspelt).toContain(post.slug);
    }
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { loadBlogroll, selectLatestArticles, type LoadOptions } from '@/lib/blogroll/blogroll';
import { startFeedServer, type FeedServer } from '@/tests/fixtures/blogroll/feed-server';

let server: FeedServer;
let root: string;
let warn: MockInstance<typeof console.warn>;

const goodFeeds = ['/rss.xml', '/atom.xml', '/feed.json', '/script.xml', '/conditional.xml'];
const badFeeds = ['/error', '/malformed.xml'];

function options(cacheName: string, overrides: Partial<LoadOptions> = {}): LoadOptions {
  return {
    feeds: [...goodFeeds, ...badFeeds].map((pathname) => ({ url: server.url(pathname) })),
    cacheDirectory: path.join(root, cacheName),
    network: true,
    reuseForMs: 0,
    // Generous: the build tests load the machine while these run.
    feedTimeoutMs: 10_000,
    totalTimeoutMs: 20_000,
    ...overrides,
  };
}

function requestsFor(pathname: string) {
  return server.requests.filter((request) => request.pathname === pathname);
}

function warnings(): string[] {
  return warn.mock.calls.map((call) => String(call[0]));
}

beforeAll(async () => {
  server = await startFeedServer();
  root = await mkdtemp(path.join(tmpdir(), 'folio-blogroll-'));
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  warn.mockRestore();
});

describe('loadBlogroll', () => {
  it('reads RSS, Atom and JSON feeds, skips broken ones with a one-line warning, and picks one article per blog, newest first', async () => {
    const blogs = await loadBlogroll(options('first'));
    expect(blogs.map((blog) => blog.name)).toEqual([
      'Rivers & Roads',
      'The Go Blog',
      'Notes from the Bench',
      'Tricky Feed',
      'Slow Cooker',
      '127.0.0.1',
      '127.0.0.1',
    ]);
    expect(blogs.slice(5).map((blog) => blog.latest)).toEqual([undefined, undefined]);

    const articles = selectLatestArticles(blogs, 3).map((blog) => [blog.name, blog.latest.title]);
    // Rivers & Roads has the two newest articles, but a blog shows one at most.
    expect(articles).toEqual([
      ['Rivers & Roads', 'The newest walk'],
      ['Notes from the Bench', 'Cutting dovetails by hand'],
      ['Tricky Feed', 'Fish & chips'],
    ]);

    expect(warnings().toSorted()).toEqual([
      `Blogroll: skipping ${server.url('/error')}: HTTP 500, and no cached copy`,
      `Blogroll: skipping ${server.url('/malformed.xml')}: not a valid feed (Unexpected end of title), and no cached copy`,
    ]);
  });

  it('sends the ETag back and keeps the article when the feed answers 304 Not Modified', async () => {
    await loadBlogroll(options('conditional'));
    const blogs = await loadBlogroll(options('conditional'));
    const [first, second] = requestsFor('/conditional.xml').slice(-2);
    expect(first?.status).toBe(200);
    expect(second?.headers['if-none-match']).toBe('"slow-cooker-v1"');
    expect(second?.status).toBe(304);
    expect(blogs.find((blog) => blog.feedUrl === server.url('/conditional.xml'))?.latest?.title).toBe('Stock, all day');
  });

  it('gives up on a hanging feed after the per-feed timeout, with a one-line warning', async () => {
    const started = Date.now();
    const hanging = { ...options('per-feed-timeout', { feedTimeoutMs: 300, totalTimeoutMs: 60_000 }), feeds: [{ url: server.url('/hang') }] };
    expect((await loadBlogroll(hanging))[0]?.latest).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(warnings()).toEqual([`Blogroll: skipping ${server.url('/hang')}: no answer in time, and no cached copy`]);
  });

  it('stops waiting for all feeds together at the total bound, keeping those that answered', async () => {
    const started = Date.now();
    const withHanging = options('total-bound', { feedTimeoutMs: 60_000, totalTimeoutMs: 5_000 });
    const blogs = await loadBlogroll({ ...withHanging, feeds: [...withHanging.feeds, { url: server.url('/hang') }] });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(blogs.filter((blog) => blog.latest)).toHaveLength(5);
  });

  it('fetches each feed once when build workers ask at the same time', async () => {
    const before = requestsFor('/rss.xml').length;
    const shared = options('workers', { reuseForMs: 60_000 });
    const [one, two, three] = await Promise.all([loadBlogroll(shared), loadBlogroll(shared), loadBlogroll(shared)]);
    expect(requestsFor('/rss.xml').length - before).toBe(1);
    expect(two).toEqual(one);
    expect(three).toEqual(one);
  });

  it('reads only the cache when the network may not be used, as at run time', async () => {
    await loadBlogroll(options('run-time'));
    const before = server.requests.length;
    const blogs = await loadBlogroll(options('run-time', { network: false }));
    expect(server.requests.length).toBe(before);
    expect(blogs.filter((blog) => blog.latest)).toHaveLength(5);
    expect(await loadBlogroll(options('empty-cache', { network: false }))).toSatisfy((empty: typeof blogs) => empty.every((blog) => !blog.latest));
  });
});

describe('with the network gone', () => {
  it('falls back to the last good copy of every feed', async () => {
    const withNetwork = await loadBlogroll(options('offline'));
    await server.close();
    warn.mockClear();
    const offline = await loadBlogroll(options('offline'));
    expect(offline).toEqual(withNetwork);
    expect(warnings()).toContain(`Blogroll: ${server.url('/rss.xml')}: ECONNREFUSED; using the cached copy`);
  });
});

import { readFile } from 'node:fs/promises';
import { DetectError, MalformedError } from 'feedsmith';
import { z } from 'zod';
import { writeFileAtomically } from '@/lib/content/disk-cache';
import { buildCacheDirectory, shippedDirectory } from '@/lib/deploy/paths.mjs';
import siteConfig from '@/site.config';
import { blogSchema, compareNewestFirst, type Article, type Blog } from './blog';
import { readCacheEntry, withCacheLock, writeCacheEntry, type CacheEntry } from './cache';
import { getBlogrollSettings, type BlogrollSettings, type FeedSource } from './config';
import { parseFeedSnapshot } from './parse';
import { requestFeed } from './request';

export interface LoadOptions extends BlogrollSettings {
  cacheDirectory: string;
  /** False: read the cache only, never the network. */
  network: boolean;
  /** Feeds checked more recently than this are not asked again: that is how build workers share one fetch. */
  reuseForMs: number;
}

export type BlogWithArticle = Blog & { latest: Article };

/**
 * `next build` prerenders pages in several worker processes, all of which start
 * within seconds of each other; the first to take the cache lock fetches the
 * feeds and the others reuse what it stored. Rebuilding within this window
 * reuses the feeds too, which spares the servers of the blogs we follow.
 */
const workersShareFetchForMs = 5 * 60_000;

/** Extra wait for the lock beyond the holder's own time bound (writing, a slow disk). */
const lockSlackMs = 5_000;

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
  const cause = error.cause instanceof Error ? error.cause : undefined;
  if (error instanceof MalformedError || error instanceof DetectError) return `not a valid feed (${cause?.message ?? error.message})`;
  return (cause && 'code' in cause ? String(cause.code) : cause?.message) ?? error.message;
}

/**
 * A plain timer rather than AbortSignal.timeout combined with AbortSignal.any:
 * Node 20 may garbage-collect such a combined timeout before it fires (nodejs/node#57736).
 */
async function withTimeout<T>(ms: number, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('The feed did not answer in time', 'TimeoutError')), Math.max(0, ms));
  try {
    return await task(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

async function refreshEntry(source: FeedSource, cached: CacheEntry | undefined, signal: AbortSignal): Promise<CacheEntry> {
  const checkedAt = Date.now();
  try {
    const response = await requestFeed(source.url, cached?.snapshot ? cached : {}, signal);
    if (response.status === 'not-modified') {
      if (!cached?.snapshot) throw new Error('answered 304 Not Modified to an unconditional request');
      return { ...cached, checkedAt };
    }
    const snapshot = parseFeedSnapshot(response.body, source.url);
    return { url: source.url, checkedAt, etag: response.etag, lastModified: response.lastModified, snapshot };
  } catch (error) {
    const reason = describeFailure(error);
    console.warn(
      cached?.snapshot
        ? `Blogroll: ${source.url}: ${reason}; using the cached copy`
        : `Blogroll: skipping ${source.url}: ${reason}, and no cached copy`,
    );
    return { ...cached, url: source.url, checkedAt };
  }
}

function toBlog(source: FeedSource, entry: CacheEntry | undefined): Blog {
  const snapshot = entry?.snapshot;
  return {
    feedUrl: source.url,
    name: source.name ?? snapshot?.title ?? new URL(source.url).hostname,
    homepage: snapshot?.homepage,
    latest: snapshot?.latest,
  };
}

/**
 * Every followed blog, in configuration order, with its newest article when
 * its feed (or the cache) has one. Feeds are fetched in parallel, each within
 * `feedTimeoutMs` and all within `totalTimeoutMs`; a feed that fails falls back
 * to its last good copy. Never throws for a bad feed.
 */
export async function loadBlogroll(options: LoadOptions): Promise<Blog[]> {
  const { feeds, cacheDirectory: directory } = options;
  const readEntries = () => Promise.all(feeds.map((source) => readCacheEntry(directory, source.url)));
  const isRecent = (entry: CacheEntry | undefined) => entry !== undefined && Date.now() - entry.checkedAt < options.reuseForMs;

  let entries = await readEntries();
  if (options.network && !entries.every(isRecent)) {
    const refreshed = await withCacheLock(directory, options.totalTimeoutMs + lockSlackMs, async () => {
      // Another worker may have refreshed the feeds while this one waited for the lock.
      const current = await readEntries();
      const deadline = Date.now() + options.totalTimeoutMs;
      return Promise.all(
        feeds.map(async (source, index) => {
          const cached = current[index];
          if (isRecent(cached)) return cached;
          const timeLeft = Math.min(options.feedTimeoutMs, deadline - Date.now());
          const entry = await withTimeout(timeLeft, (signal) => refreshEntry(source, cached, signal));
          await writeCacheEntry(directory, entry);
          return entry;
        }),
      );
    });
    if (!refreshed) console.warn('Blogroll: another build process kept the feed cache locked; using cached copies');
    entries = refreshed ?? (await readEntries());
  }
  return feeds.map((source, index) => toBlog(source, entries[index]));
}

/** The newest `count` articles, at most one per blog, newest first. */
export function selectLatestArticles(blogs: Blog[], count: number): BlogWithArticle[] {
  return blogs
    .filter((blog): blog is BlogWithArticle => blog.latest !== undefined)
    .toSorted((a, b) => compareNewestFirst(a.latest, b.latest))
    .slice(0, count);
}

/**
 * Only `next build` (and `next dev`) may fetch feeds. Post pages are also
 * regenerated at run time (ISR, when comments change); such a regeneration
 * must never wait on other people's servers, so it reads what the build
 * shipped (or, failing that, left in its cache).
 */
function mayUseNetwork(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build' || process.env.NODE_ENV === 'development';
}

/**
 * The blogroll as this build saw it (the build decides what the box shows, whatever the server's
 * environment), so that a regeneration on a fresh serverless instance, with no build cache and
 * no network, shows the same box. Undefined when the build shipped none.
 */
async function readShippedBlogroll(): Promise<Blog[] | undefined> {
  try {
    const shipped = z.array(blogSchema).safeParse(JSON.parse(await readFile(shippedDirectory('blogroll.json'), 'utf8')));
    return shipped.success ? shipped.data : undefined;
  } catch {
    return undefined;
  }
}

async function loadConfiguredBlogroll(): Promise<Blog[]> {
  // `next dev` follows the feeds as they are now, not as the last build saw them.
  const shipped = process.env.NODE_ENV === 'development' ? undefined : await readShippedBlogroll();
  return (
    shipped ??
    loadBlogroll({
      ...getBlogrollSettings(),
      cacheDirectory: buildCacheDirectory('blogroll'),
      network: mayUseNetwork(),
      reuseForMs: workersShareFetchForMs,
    })
  );
}

/*
 * One load per process, shared by every page it renders. Kept on globalThis
 * because each route's server bundle may carry its own copy of this module;
 * keyed by the configuration so that `next dev` notices an edited list.
 */
const memo = globalThis as typeof globalThis & { folioBlogroll?: { key: string; blogs: Promise<Blog[]> } };

export function getBlogroll(): Promise<Blog[]> {
  const key = JSON.stringify([process.env.FOLIO_BLOGROLL, siteConfig.blogroll]);
  if (memo.folioBlogroll?.key !== key) memo.folioBlogroll = { key, blogs: loadConfiguredBlogroll() };
  return memo.folioBlogroll.blogs;
}

/** Loads the blogroll (fetching the feeds) and ships it with the build; see scripts/prepare-build.ts. */
export async function shipBlogroll(): Promise<void> {
  const blogs = await getBlogroll();
  await writeFileAtomically(shippedDirectory('blogroll.json'), JSON.stringify(blogs));
}

/** What the box at the end of a post shows. */
export async function getBlogrollArticles(): Promise<BlogWithArticle[]> {
  return selectLatestArticles(await getBlogroll(), siteConfig.blogroll.articles);
}

import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { lock } from 'proper-lockfile';
import { z } from 'zod';
import { hashKey, writeFileAtomically } from '@/lib/content/disk-cache';
import { feedSnapshotSchema } from './blog';

const cacheEntrySchema = z.object({
  url: z.string(),
  /** When a build last asked the feed's server (successfully or not), in ms since the epoch. */
  checkedAt: z.number(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** The last good copy: kept when a later fetch fails. */
  snapshot: feedSnapshotSchema.optional(),
});

export type CacheEntry = z.infer<typeof cacheEntrySchema>;

function entryFile(directory: string, url: string): string {
  return path.join(/*turbopackIgnore: true*/ directory, `${hashKey(url)}.json`);
}

/** The cached entry for a feed, or undefined when there is none or it is unreadable. */
export async function readCacheEntry(directory: string, url: string): Promise<CacheEntry | undefined> {
  try {
    const entry = cacheEntrySchema.safeParse(JSON.parse(await readFile(entryFile(directory, url), 'utf8')));
    return entry.success && entry.data.url === url ? entry.data : undefined;
  } catch {
    return undefined;
  }
}

export async function writeCacheEntry(directory: string, entry: CacheEntry): Promise<void> {
  await writeFileAtomically(entryFile(directory, entry.url), JSON.stringify(entry));
}

const lockPollMs = 100;

/**
 * Runs `task` while holding the cache directory's lock, so that parallel
 * build workers fetch the feeds once between them rather than once each.
 * Waits at most `waitMs` for another holder; returns undefined if it waited in vain.
 */
export async function withCacheLock<T>(directory: string, waitMs: number, task: () => Promise<T>): Promise<T | undefined> {
  await mkdir(directory, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lock(directory, {
      retries: { retries: Math.ceil(waitMs / lockPollMs), factor: 1, minTimeout: lockPollMs, maxTimeout: lockPollMs },
      // A build worker busy rendering may miss the lock's heartbeat; that must not crash the build.
      onCompromised: () => {},
    });
  } catch {
    return undefined;
  }
  try {
    return await task();
  } finally {
    await release().catch(() => {});
  }
}

// Next's cache (prerendered pages and their regenerations) in Redis, shared by every instance.
// next.config.mjs points `cacheHandler` here when REDIS_URL is set; Next loads it as it is, unbundled.
//
// The build's own pages are read where the build wrote them, through Next's file-system cache (see
// next-internals.mjs); Redis holds what instances render after the build, and when each cache tag was
// revalidated, so that a comment approved through one instance refreshes the page on all of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { LRUCache } from 'lru-cache';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import { createClient, RESP_TYPES } from 'redis';
import { distDirectory } from '../deploy/paths.mjs';
import { FileSystemCache } from '../next-internals.mjs';

/** @param {unknown} error */
const describe = (error) => (error instanceof Error ? error.message : String(error));

/**
 * Keys carry the build's ID, so that a new deployment never serves the pages of the previous one,
 * nor is refreshed by the previous one's revalidations.
 */
function redisKeyPrefix() {
  const buildId = readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), distDirectory(), 'BUILD_ID'), 'utf8').trim();
  return `${process.env.FOLIO_REDIS_PREFIX ?? 'folio:'}${buildId}:`;
}

/**
 * @typedef {{ lastModified: number, value: unknown, cacheControl?: unknown }} Entry
 * @typedef {{
 *   getEntry(key: string): Promise<Entry | undefined>,
 *   setEntry(key: string, entry: Entry): Promise<void>,
 *   tagExpiries(tags: string[]): Promise<(number | undefined)[]>,
 *   expireTags(tags: string[], at: number): Promise<void>,
 * }} Store
 */

/** @returns {Store} This process's memory: for the build, and for an instance that cannot reach Redis. */
function createMemoryStore() {
  /** @type {LRUCache<string, Entry>} */
  const entries = new LRUCache({ max: 1000 });
  /** @type {Map<string, number>} */
  const expiries = new Map();
  return {
    getEntry: async (key) => entries.get(key),
    setEntry: async (key, entry) => void entries.set(key, entry),
    tagExpiries: async (tags) => tags.map((tag) => expiries.get(tag)),
    expireTags: async (tags, at) => tags.forEach((tag) => expiries.set(tag, at)),
  };
}

/**
 * @param {import('redis').RedisClientType} client
 * @param {string} prefix
 * @returns {Store}
 */
function createRedisStore(client, prefix) {
  // Pages hold binary parts (RSC payloads, segments): v8's format keeps Buffers and Maps as they are.
  const binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const tagsKey = `${prefix}tags`;
  return {
    async getEntry(key) {
      const stored = await binary.get(`${prefix}page:${key}`);
      return stored ? deserialize(stored) : undefined;
    },
    async setEntry(key, entry) {
      await client.set(`${prefix}page:${key}`, serialize(entry));
    },
    async tagExpiries(tags) {
      if (tags.length === 0) return [];
      return (await client.hmGet(tagsKey, tags)).map((at) => (at === null ? undefined : Number(at)));
    },
    async expireTags(tags, at) {
      if (tags.length > 0) await client.hSet(tagsKey, Object.fromEntries(tags.map((tag) => [tag, String(at)])));
    },
  };
}

/** @returns {Promise<Store>} */
async function openStore() {
  // The build writes the pages it renders into its own output, which every instance reads.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD || !process.env.REDIS_URL) return createMemoryStore();
  // Without the offline queue, a command while Redis is away fails at once (a cache miss) instead of waiting.
  const client = createClient({ url: process.env.REDIS_URL, pingInterval: 10_000, disableOfflineQueue: true });
  client.on('error', (error) => console.error(`Redis: ${describe(error)}`));
  try {
    await client.connect();
  } catch (error) {
    // Serving stays possible, but this instance no longer agrees with the others until it restarts.
    console.error(`Redis cannot be reached (${describe(error)}): this instance caches pages on its own.`);
    await client.destroy();
    return createMemoryStore();
  }
  return createRedisStore(/** @type {import('redis').RedisClientType} */ (/** @type {unknown} */ (client)), redisKeyPrefix());
}

// One store (one Redis connection) per process, however many copies of this module Next loads.
const processWide = Symbol.for('folio.page-cache-store');
/** @returns {Promise<Store>} */
const sharedStore = () => (/** @type {Record<symbol, Promise<Store>>} */ (globalThis)[processWide] ??= openStore());

/**
 * The tags an entry answers to: those Next stamped on a page or route, and those of the request.
 * @param {Entry} entry
 * @param {{ tags?: string[], softTags?: string[] }} context
 */
function tagsOf(entry, context) {
  const value = /** @type {{ headers?: Record<string, unknown> } | null} */ (entry.value);
  const stamped = value?.headers?.['x-next-cache-tags'];
  return [...(typeof stamped === 'string' ? stamped.split(',') : []), ...(context.tags ?? []), ...(context.softTags ?? [])];
}

export default class SharedPageCache {
  #build;

  /** @param {import('../next-internals.mjs').CacheHandlerContext} context */
  constructor(context) {
    // Reads only: the application directory may be read-only, and regenerations belong in Redis.
    // Next hands every cache handler the file system and its server folder, though its type leaves them optional.
    const readOnly = /** @type {import('../next-internals.mjs').FileSystemCacheContext} */ ({ ...context, flushToDisk: false, maxMemoryCacheSize: 0 });
    this.#build = new FileSystemCache(readOnly);
  }

  /**
   * @param {string} key
   * @param {any} context
   * @returns {Promise<Entry | null>}
   */
  async get(key, context) {
    try {
      const store = await sharedStore();
      const entry = (await store.getEntry(key)) ?? (await this.#build.get(key, context));
      if (!entry) return null;
      const now = Date.now();
      const expiries = await store.tagExpiries(tagsOf(entry, context));
      return expiries.some((at) => at !== undefined && at > entry.lastModified && at <= now) ? null : entry;
    } catch (error) {
      // Whether the page was revalidated cannot be told: render it afresh.
      console.error(`Page cache: ${key} not read (${describe(error)})`);
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {unknown} value
   * @param {any} context
   */
  async set(key, value, context) {
    const entry = { lastModified: Date.now(), value, cacheControl: context.fetchCache ? undefined : context.cacheControl };
    await (await sharedStore()).setEntry(key, entry).catch((error) => console.error(`Page cache: ${key} not stored (${describe(error)})`));
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    const at = Date.now() + (durations?.expire ?? 0) * 1000;
    const list = typeof tags === 'string' ? [tags] : tags;
    await (await sharedStore())
      .expireTags(list, at)
      .catch((error) => console.error(`Page cache: revalidation of ${list.join(', ')} not shared with other instances (${describe(error)})`));
  }

  resetRequestCache() {}
}

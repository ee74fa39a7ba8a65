// Next's cache (prerendered pages and their regenerations) in Redis, shared by every instance.
// next.config.mjs points `cacheHandler` here when REDIS_URL is set; Next loads it as it is, unbundled.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import { createClient } from 'redis';
import { distDirectory } from '../deploy/paths.mjs';

/**
 * Keys carry the build's ID, so that a new deployment never serves the pages of the previous one
 * and the pages one instance regenerated are never overwritten when another instance starts.
 */
function redisKeyPrefix() {
  const buildId = readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), distDirectory(), 'BUILD_ID'), 'utf8').trim();
  return `${process.env.FOLIO_REDIS_PREFIX ?? 'folio:'}${buildId}:`;
}

const shared = Symbol.for('folio.cache-handler-config');

async function createConfig() {
  // The build renders pages into its own output; instances seed Redis from it when they start.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD || !process.env.REDIS_URL) return { handlers: [createLruHandler()] };
  const client = createClient({ url: process.env.REDIS_URL, pingInterval: 10_000 });
  client.on('error', (error) => console.error(`Redis: ${error instanceof Error ? error.message : String(error)}`));
  try {
    await client.connect();
  } catch (error) {
    // Serving stays possible, but this instance no longer agrees with the others until it restarts.
    console.error(`Redis cannot be reached (${error instanceof Error ? error.message : String(error)}): this instance caches pages on its own.`);
    await client.destroy();
    return { handlers: [createLruHandler()] };
  }
  return { handlers: [createRedisHandler({ client, keyPrefix: redisKeyPrefix() })] };
}

// One Redis connection per process, however many copies of this module Next loads.
CacheHandler.onCreation(() => (globalThis[shared] ??= createConfig()));

export default CacheHandler;

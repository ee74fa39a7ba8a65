// Plain JavaScript: next.config.mjs, the scripts and the cache handler need these paths as well as the app.
// At run time the app directory may be read-only (serverless hosts): the server writes only to os.tmpdir().
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Next's output folder, relative to the project as Next expects; tests and benchmarks build beside the real one. */
export function distDirectory() {
  return process.env.FOLIO_DIST_DIR || '.next';
}

/** Folio's own files: the SQLite database and the generated secret. */
export function dataDirectory() {
  return path.resolve(/*turbopackIgnore: true*/ process.env.FOLIO_DATA_DIR || 'data');
}

/** Where posts live; tests and benchmarks point this at their own folders. */
export function postsDirectory() {
  return path.resolve(/*turbopackIgnore: true*/ process.env.FOLIO_CONTENT_DIR || 'content/posts');
}

/**
 * Caches that `next build` keeps for the next build (Next leaves `.next/cache` in place).
 * @param {string[]} parts
 */
export function buildCacheDirectory(...parts) {
  const root = process.env.FOLIO_CACHE_DIR || path.join(/*turbopackIgnore: true*/ distDirectory(), 'cache/folio');
  return path.resolve(/*turbopackIgnore: true*/ root, ...parts);
}

/**
 * What `npm run build` prepares for regenerating pages at run time (compiled posts, the blogroll),
 * traced into the server's output. Beside Next's folder, not in it: `next build` empties its folder
 * before it compiles, and file tracing must find these files then.
 * @param {string[]} parts
 */
export function shippedDirectory(...parts) {
  return path.resolve(/*turbopackIgnore: true*/ `${distDirectory()}-folio`, ...parts);
}

/** True while `next build` (or a step of `npm run build`) or `next dev` runs, rather than a server. */
export function isBuilding() {
  return process.env.NEXT_PHASE === 'phase-production-build' || process.env.NODE_ENV !== 'production';
}

/**
 * Where caches are written: the build cache while building, else the system's temporary folder.
 * @param {string[]} parts
 */
export function writableCacheDirectory(...parts) {
  return isBuilding() ? buildCacheDirectory(...parts) : path.join(/*turbopackIgnore: true*/ tmpdir(), 'folio-cache', ...parts);
}

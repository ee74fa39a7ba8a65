import path from 'node:path';

/** A post's file name without `.mdx`, which is also its URL: lower-case letters, digits and single hyphens. */
export const postSlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Where posts live; tests and benchmarks point this at their own folders. */
export function postsDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.FOLIO_CONTENT_DIR ?? path.join(process.cwd(), 'content/posts'));
}

/** Build caches survive `next build` because Next keeps `.next/cache` between builds. */
export function cacheDirectory(...parts: string[]): string {
  const root = process.env.FOLIO_CACHE_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '.next/cache/folio');
  return path.resolve(/*turbopackIgnore: true*/ root, ...parts);
}

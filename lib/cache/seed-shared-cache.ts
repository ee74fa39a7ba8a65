import { readFileSync } from 'node:fs';
import path from 'node:path';
import { registerInitialCache } from '@fortedigital/nextjs-cache-handler/instrumentation';
import { getRouteCacheKey } from 'next/dist/server/lib/route-cache-key';
import { AppPathnameNormalizer } from 'next/dist/server/normalizers/built/app/app-pathname-normalizer';
import type { RouteKind } from 'next/dist/server/route-kind';
import { distDirectory } from '@/lib/deploy/paths.mjs';
import CacheHandler from './redis-cache-handler.mjs';

function readBuildFile(file: string): unknown {
  return JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), distDirectory(), file), 'utf8'));
}

/**
 * Since Next 16.4 a page is cached under a key derived from its route's source file
 * (`/route-cache/APP_PAGE/<hash>/$/blog/post`), while the cache handler's seeding still writes
 * plain paths (`/blog/post`) that Next no longer reads. This maps one to the other with Next's own
 * key function, from the build's manifests.
 */
function routeCacheKeyFor(): (cachePath: string) => string {
  const pages = Object.keys(readBuildFile('server/app-paths-manifest.json') as Record<string, string>);
  const prerendered = (readBuildFile('prerender-manifest.json') as { routes: Record<string, { srcRoute: string | null }> }).routes;
  const normalizer = new AppPathnameNormalizer();
  const pageOfRoute = new Map(pages.map((page) => [normalizer.normalize(page), page]));
  return (cachePath) => {
    const pathname = cachePath === '/index' ? '/' : cachePath;
    const page = pageOfRoute.get(prerendered[pathname]?.srcRoute ?? pathname);
    if (!page) return cachePath;
    const kind = (page.endsWith('/route') ? 'APP_ROUTE' : 'APP_PAGE') as RouteKind;
    return getRouteCacheKey(pathname, { kind, sourceRoute: page });
  };
}

/**
 * Copies the build's prerendered pages into Redis unless an instance of this build already did
 * (and may have regenerated some since), so that every instance serves the same pages.
 */
export async function seedSharedCache(): Promise<void> {
  const keyFor = routeCacheKeyFor();
  class SeedingCacheHandler extends CacheHandler {
    override set(...[key, ...rest]: Parameters<CacheHandler['set']>) {
      return super.set(keyFor(key), ...rest);
    }
  }
  await registerInitialCache(SeedingCacheHandler, { buildDir: distDirectory(), setOnlyIfNotExists: true });
}

import { availableParallelism } from 'node:os';
import path from 'node:path';
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from 'next/constants.js';
import { checkBuildEnvironment } from './lib/deploy/environment.mjs';
import { distDirectory, postsDirectory, shippedDirectory } from './lib/deploy/paths.mjs';
import { securityHeaders } from './lib/security/headers.mjs';

/** @param {string} folder */
const everyFileIn = (folder) => `./${path.relative(import.meta.dirname, folder).split(path.sep).join('/')}/**`;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build a second app (broken fixtures) beside the real one without clobbering it.
  distDir: distDirectory(),
  // These run esbuild or native code at build time and must not be bundled.
  serverExternalPackages: ['mdx-bundler', 'esbuild', 'shiki', 'rehype-pretty-code'],
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run build` completes it into a folder that runs on its own (scripts/complete-standalone.mjs).
  output: 'standalone',
  // Regenerating a page at run time (a comment changed it) reads the posts, what `npm run build`
  // compiled for them (scripts/prepare-build.ts), and the renderers' versions and the post
  // components' source, which key the caches. Every function carries them: a serverless host has
  // no build cache and no writable app folder.
  outputFileTracingIncludes: {
    '/**': [
      './node_modules/*/package.json',
      './node_modules/@*/*/package.json',
      './components/mdx/**',
      everyFileIn(postsDirectory()),
      everyFileIn(shippedDirectory()),
    ],
  },
  // Several instances share prerendered pages and their regenerations through Redis (docs/deploy.md).
  ...(process.env.REDIS_URL && {
    cacheHandler: path.resolve(import.meta.dirname, 'lib/cache/redis-cache-handler.mjs'),
    cacheMaxMemorySize: 0,
  }),
  // `npm test` type-checks the whole project (tsc --noEmit, in CI too). A writer's build changes
  // posts, not code, so checking the engine's types again would only slow every build down.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Next keeps a core for itself by default, but it only waits while pages prerender: every
    // core compiles posts and draws their cards instead (docs/performance.md).
    cpus: availableParallelism(),
  },
  headers: async () => [{ source: '/:path*', headers: securityHeaders }],
};

// Next loads this file more than once per build; the warnings need saying once.
const checked = Symbol.for('folio.build-environment-checked');

const processWide = /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis));

/** @param {string} phase */
export default function config(phase) {
  if (phase === PHASE_PRODUCTION_BUILD && !processWide[checked]) {
    processWide[checked] = true;
    const { warnings, error } = checkBuildEnvironment();
    for (const warning of warnings) console.warn(`⚠ ${warning}`);
    if (error) throw new Error(error);
  }
  // `npm start` and the browser tests serve the build with `next start` from the project folder,
  // which Next warns against when the config asks for a standalone folder; only the build makes one.
  if (phase === PHASE_PRODUCTION_SERVER) return { ...nextConfig, output: undefined };
  return nextConfig;
}

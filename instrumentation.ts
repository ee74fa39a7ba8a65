/** Runs once when a server process starts, before it serves requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { stampPeerAddresses } = await import('./lib/security/peer-address.mjs');
  stampPeerAddresses();
  if (process.env.REDIS_URL) {
    const { registerInitialCache } = await import('@fortedigital/nextjs-cache-handler/instrumentation');
    const { default: CacheHandler, distDir } = await import('./lib/cache/redis-cache-handler.mjs');
    // Copies the build's prerendered pages into Redis unless an instance of this build already did
    // (and may have regenerated some since), so that every instance serves the same pages.
    await registerInitialCache(CacheHandler, { buildDir: distDir, setOnlyIfNotExists: true });
  }
}

/** Runs once when a server process starts, before it serves requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  (await import('./lib/deploy/check-server')).stopUnlessServerCanRun();
  const { stampPeerAddresses } = await import('./lib/security/peer-address.mjs');
  stampPeerAddresses();
  if (process.env.REDIS_URL) await (await import('./lib/cache/seed-shared-cache')).seedSharedCache();
}

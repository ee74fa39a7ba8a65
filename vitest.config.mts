import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Outside Next, the marker that keeps server modules out of client bundles has nothing to guard.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Signing and hashing need a secret; without one Folio would write data/folio-secret.
    env: { FOLIO_SECRET: 'vitest-only-secret' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { testWorkers } from './tests/support/test-workers';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Outside Next, the marker that keeps server modules out of client bundles has nothing to guard.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    environment: 'node',
    // Signing and hashing need a secret; without one Folio would write data/folio-secret.
    env: { FOLIO_SECRET: 'vitest-only-secret' },
    projects: [
      // The inner loop: no build, no server, no database server.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'] } },
      // Real SQLite, PostgreSQL and Redis, production builds and the servers they make.
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // These files mostly wait on builds and servers in other processes: one per core would leave cores idle.
          maxWorkers: testWorkers(3),
        },
      },
    ],
  },
});

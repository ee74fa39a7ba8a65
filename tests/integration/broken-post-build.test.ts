import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { preservingNextTypeFiles } from '@/scripts/lib/side-build.mjs';

const distDir = '.next-broken-post-test';

afterAll(async () => {
  await rm(path.resolve(distDir), { recursive: true, force: true });
});

it('fails `next build` on a broken post, naming the file, the line and the problem', async () => {
  const result = await preservingNextTypeFiles(process.cwd(), async () =>
    spawnSync(path.resolve('node_modules/.bin/next'), ['build'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        FOLIO_CONTENT_DIR: path.resolve('tests/fixtures/broken-post'),
        FOLIO_DIST_DIR: distDir,
        FOLIO_CACHE_DIR: path.join(distDir, 'folio-cache'),
      },
      timeout: 240_000,
    }),
  );
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, output).not.toBe(0);
  expect(output).toMatch(/tests\/fixtures\/broken-post\/unclosed-tag\.mdx:8:\d+: .*<span>/);
}, 300_000);

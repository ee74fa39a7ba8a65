import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildStandaloneIntoDistDir } from './next-build';

const distDir = '.next-broken-post-test';

afterAll(async () => {
  await Promise.all([distDir, `${distDir}-folio`].map((folder) => rm(path.resolve(folder), { recursive: true, force: true })));
});

it('stops `npm run build` on a broken post before `next build`, naming the file, the line and the problem without a stack trace', async () => {
  const { status, output } = await buildStandaloneIntoDistDir(distDir, {
    FOLIO_CONTENT_DIR: path.resolve('tests/fixtures/broken-post'),
    FOLIO_CACHE_DIR: path.join(distDir, 'folio-cache'),
  });
  expect(status, output).not.toBe(0);
  expect(output).toMatch(/^tests\/fixtures\/broken-post\/unclosed-tag\.mdx:8:\d+: .*<span>/m);
  expect(output).not.toMatch(/^\s+at /m);
  expect(output, 'next build did not start').not.toContain('Creating an optimized production build');
}, 120_000);

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildIntoDistDir } from './next-build';

const distDir = '.next-broken-post-test';

afterAll(async () => {
  await rm(path.resolve(distDir), { recursive: true, force: true });
});

it('fails `next build` on a broken post, naming the file, the line and the problem', async () => {
  const { status, output } = await buildIntoDistDir(distDir, {
    FOLIO_CONTENT_DIR: path.resolve('tests/fixtures/broken-post'),
    FOLIO_CACHE_DIR: path.join(distDir, 'folio-cache'),
  });
  expect(status, output).not.toBe(0);
  expect(output).toMatch(/tests\/fixtures\/broken-post\/unclosed-tag\.mdx:8:\d+: .*<span>/);
}, 600_000);

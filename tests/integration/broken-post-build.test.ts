import { spawnSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const distDir = '.next-broken-post-test';
// `next build` registers its dist folder in these two files; the real build must not see this one.
const filesNextRewrites = ['tsconfig.json', 'next-env.d.ts'];
const originals = new Map<string, string | undefined>();

beforeAll(async () => {
  for (const file of filesNextRewrites) originals.set(file, await readFile(file, 'utf8').catch(() => undefined));
});

afterAll(async () => {
  for (const [file, content] of originals) {
    if (content === undefined) await rm(file, { force: true });
    else await writeFile(file, content);
  }
  await rm(path.resolve(distDir), { recursive: true, force: true });
});

it('fails `next build` on a broken post, naming the file, the line and the problem', () => {
  const result = spawnSync(path.resolve('node_modules/.bin/next'), ['build'], {
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
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, output).not.toBe(0);
  expect(output).toMatch(/tests\/fixtures\/broken-post\/unclosed-tag\.mdx:8:\d+: .*<span>/);
}, 300_000);

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
let cache: string;

beforeAll(async () => {
  cache = await mkdtemp(path.join(tmpdir(), 'folio-check-'));
});
afterAll(() => rm(cache, { recursive: true, force: true }));

async function runCheck(contentDirectory: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const env = { ...process.env, FOLIO_CONTENT_DIR: contentDirectory, FOLIO_CACHE_DIR: cache };
  try {
    const { stdout, stderr } = await execFileAsync('npx', ['tsx', '--conditions=react-server', 'scripts/check-posts.ts'], { env });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

it('npm run check lists every broken post at once, each with its file, line and column, and no stack trace', async () => {
  const { status, stdout, stderr } = await runCheck('tests/fixtures/many-broken-posts');
  expect(status).toBe(1);
  const folder = 'tests/fixtures/many-broken-posts';
  const lines = stderr.trim().split('\n').sort();
  expect(lines).toEqual([
    `${folder}/Bad Name.mdx: file name "Bad Name" is not a URL slug: use lower-case letters, digits and single hyphens`,
    expect.stringMatching(new RegExp(`^${folder}/broken-draft\\.mdx:7:\\d+: .*Callout.* \\(a draft\\)$`)),
    `${folder}/missing-image.mdx:8:1: Image /images/not-there.png was not found in public/`,
    expect.stringMatching(new RegExp(`^${folder}/unclosed-tag\\.mdx:6:\\d+: .*<span>`)),
    expect.stringMatching(new RegExp(`^${folder}/unknown-component\\.mdx:8:1: Unknown component <Chart>`)),
    expect.stringMatching(new RegExp(`^${folder}/unknown-key\\.mdx:4:1: frontmatter "colour" unknown key`)),
  ]);
  expect(stdout).toMatch(/7 posts checked in [\d.]+ s: 6 broken\./);
}, 120_000);

it('npm run check passes the sample posts', async () => {
  const { status, stdout, stderr } = await runCheck('content/posts');
  expect(stderr).toBe('');
  expect(status).toBe(0);
  expect(stdout).toMatch(/posts checked in [\d.]+ s: all compile\./);
}, 120_000);

it('npm run check names two posts claiming one place in a series, and an empty series name, at the line', async () => {
  const { status, stderr } = await runCheck('tests/fixtures/series-clash');
  expect(status).toBe(1);
  const folder = 'tests/fixtures/series-clash';
  expect(stderr.trim().split('\n').sort()).toEqual([
    `${folder}/no-name.mdx:5:1: frontmatter "series" must not be empty`,
    `${folder}/the-base.mdx:5:1: frontmatter "seriesOrder" 1 is also the place of ${folder}/the-walls.mdx in the series "Building the shed"`,
    `${folder}/the-roof.mdx:6:1: frontmatter "seriesOrder" 2 is also the place of ${folder}/the-door.mdx in the series "Building the shed" (a draft)`,
    `${folder}/the-walls.mdx:5:1: frontmatter "seriesOrder" 1 is also the place of ${folder}/the-base.mdx in the series "Building the shed"`,
  ]);
}, 120_000);

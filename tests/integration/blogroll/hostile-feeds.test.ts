import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { loadBlogroll } from '@/lib/blogroll/blogroll';
import { startFeedServer, type FeedServer } from '@/tests/fixtures/blogroll/feed-server';

let server: FeedServer;
let root: string;

beforeAll(async () => {
  server = await startFeedServer();
  root = await mkdtemp(path.join(tmpdir(), 'folio-hostile-feeds-'));
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

it('refuses or neutralises huge, entity-bomb, deeply nested and script-laden feeds within the time bound', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const totalTimeoutMs = 20_000;
  const started = Date.now();
  const blogs = await loadBlogroll({
    feeds: ['/huge.xml', '/laughs.xml', '/deep.xml', '/hostile-titles.xml'].map((pathname) => ({ url: server.url(pathname) })),
    cacheDirectory: path.join(root, 'cache'),
    network: true,
    reuseForMs: 0,
    feedTimeoutMs: 10_000,
    totalTimeoutMs,
  });
  expect(Date.now() - started).toBeLessThan(totalTimeoutMs);
  const warnings = warn.mock.calls.map((call) => String(call[0]));
  warn.mockRestore();

  const [huge, laughs, deep, scripts] = blogs;
  expect(huge?.latest).toBeUndefined();
  expect(warnings).toEqual([`Blogroll: skipping ${server.url('/huge.xml')}: larger than 5 MB, and no cached copy`]);
  // The entities are never expanded: the title keeps the reference as text instead of a billion "lol"s.
  expect(laughs?.latest?.title).toBe('Billion &lol9;');
  expect(JSON.stringify(laughs)).not.toContain('lollol');
  expect(deep?.latest).toMatchObject({ title: 'Deep', summary: '' });
  expect(scripts?.name).toBe('Hostile Blog');
  expect(scripts?.latest).toMatchObject({ title: 'Raw title', summary: 'Summary', url: 'https://hostile.example/raw' });
});

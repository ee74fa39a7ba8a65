import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toPlainText } from '@/lib/blogroll/text';
import { startFeedServer, type FeedServer } from '@/tests/fixtures/blogroll/feed-server';
import { buildIntoDistDir } from './next-build';
import { type RunningServer, startServer } from '@/tests/support/server-process';

const distDir = '.next-blogroll-test';
const reachable = ['/atom.xml', '/rss.xml', '/feed.json'];
const hostile = ['/huge.xml', '/laughs.xml', '/deep.xml', '/hostile-titles.xml'];
let feeds: FeedServer;
let build: { status: number | null; output: string };
let server: RunningServer | undefined;
let baseUrl: string;

async function page(pathname: string): Promise<string> {
  const response = await fetch(`${baseUrl}${pathname}`);
  expect(response.status, pathname).toBe(200);
  return response.text();
}

/** The box's HTML on a post page, and what comes before it. */
function blogrollBox(html: string): { before: string; box: string } {
  const start = html.indexOf('<aside');
  const end = html.indexOf('</aside>', start);
  expect(start, 'the post has a blogroll box').toBeGreaterThan(-1);
  return { before: html.slice(0, start), box: html.slice(start, end) };
}

beforeAll(async () => {
  feeds = await startFeedServer();
  build = await buildIntoDistDir(distDir, {
    FOLIO_CONTENT_DIR: path.resolve('tests/fixtures/blogroll/posts'),
    FOLIO_CACHE_DIR: path.join(distDir, 'folio-cache'),
    FOLIO_BLOGROLL: [...reachable, '/hang', '/error', ...hostile].map((pathname) => feeds.url(pathname)).join(','),
  });
  if (build.status === 0) {
    server = await startServer((port) => [path.resolve('node_modules/.bin/next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
      FOLIO_DIST_DIR: distDir,
    });
    baseUrl = server.url;
  }
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await feeds.close();
  await rm(path.resolve(distDir), { recursive: true, force: true });
});

it('builds despite a hanging and a failing feed, warning about each on one line', () => {
  expect(build.status, build.output).toBe(0);
  expect(build.output).toContain(`Blogroll: skipping ${feeds.url('/hang')}: no answer in time, and no cached copy`);
  expect(build.output).toContain(`Blogroll: skipping ${feeds.url('/error')}: HTTP 500, and no cached copy`);
});

it('fetches each feed once for the whole build, not once per page', () => {
  for (const pathname of [...reachable, '/hang', '/error']) {
    expect(feeds.requests.filter((request) => request.pathname === pathname), pathname).toHaveLength(1);
  }
});

it('ends every post with the newest article of each feed, newest first', async () => {
  for (const slug of ['first-post', 'second-post']) {
    const { before, box } = blogrollBox(await page(`/blog/${slug}`));
    expect(before).toContain('class="post-footer"');
    expect(box).toContain('Articles from blogs I read');
    const titles = [...box.matchAll(/<h3[^>]*><a href="([^"]+)">([^<]+)<\/a><\/h3>/g)].map((match) => [match[2], match[1]]);
    expect(titles).toEqual([
      ['The newest walk', 'https://rivers.example/newest-walk'],
      ['Cutting dovetails by hand', 'https://bench.example/dovetails'],
      ['New unique package', 'https://go.example/blog/unique'],
    ]);
    expect(toPlainText(box, true)).toContain('The newest walk A short loop around the lake. via Rivers & Roads, September 12, 2024');
  }
});

it('lists every followed blog on /blogroll and exports them as OPML', async () => {
  const blogroll = await page('/blogroll');
  for (const name of ['The Go Blog', 'Rivers &amp; Roads', 'Notes from the Bench']) expect(blogroll).toContain(name);
  const opml = await page('/blogroll.opml');
  for (const pathname of [...reachable, '/hang', '/error']) expect(opml).toContain(`xmlUrl="${feeds.url(pathname)}"`);
});

it('builds with hostile feeds, showing none of their markup or expanded entities', async () => {
  expect(build.output).toContain(`Blogroll: skipping ${feeds.url('/huge.xml')}: larger than 5 MB, and no cached copy`);
  const blogroll = await page('/blogroll');
  expect(blogroll).toContain('Hostile Blog');
  expect(blogroll).toContain('Raw title');
  expect(blogroll).not.toContain('__folioXss');
  expect(blogroll).not.toContain('lollol');
});

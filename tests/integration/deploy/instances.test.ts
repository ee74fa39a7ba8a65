import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { parseAtomFeed } from 'feedsmith';
import { imageSize } from 'image-size';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatCommentCount } from '@/lib/comments/format';
import { toPlainText } from '@/lib/blogroll/text';
import { startFeedServer, type FeedServer } from '@/tests/fixtures/blogroll/feed-server';
import { engines, type TestDatabase } from '../comments/engines';
import { servicesRequired, testServices } from '@/tests/support/services';
import { buildStandaloneIntoDistDir } from '../next-build';
import { requireServices } from '../services';
import { type RunningServer, startServer } from '@/tests/support/server-process';
import { recipientsOf, startSmtpSink } from '@/tests/support/smtp-sink';
import { CookieJar, formFields, submitForm, withField } from './http-forms';

const redisUrl = testServices.TEST_REDIS_URL;
const distDir = '.next-deploy-test';
const slug = 'sketching-a-garden-shed';
const post = `/blog/${slug}`;
const adminPassword = 'instances-admin-password';
// Each run has keys of its own: other runs may share the Redis server.
const redisPrefix = `folio-test-${randomBytes(6).toString('hex')}:`;
const isRoot = process.getuid?.() === 0;
// The blogs the deployment follows: three that answer, one that hangs, one that fails, and hostile ones.
const reachableFeeds = ['/atom.xml', '/rss.xml', '/feed.json'];
const hostileFeeds = ['/huge.xml', '/laughs.xml', '/deep.xml', '/hostile-titles.xml'];
const followedFeeds = [...reachableFeeds, '/hang', '/error', ...hostileFeeds];

let build: { status: number | null; output: string };
let feeds: FeedServer;
/** What the feed server was asked while the build ran (regenerations later read what the build fetched). */
let feedRequestsOfBuild: FeedServer['requests'] = [];
const cleanups: (() => Promise<unknown>)[] = [];

/** The settings every instance of the deployment shares. */
function deploymentSettings(database: TestDatabase): Record<string, string | undefined> {
  return {
    FOLIO_DIST_DIR: distDir,
    DATABASE_URL: database.target.engine === 'sqlite' ? `file:${database.target.file}` : database.target.url,
    REDIS_URL: redisUrl,
    FOLIO_REDIS_PREFIX: redisPrefix,
    ADMIN_PASSWORD: adminPassword,
    FOLIO_COMMENT_MIN_SECONDS: '0',
    // A load balancer stands in front of the instances: each reader comes from their own address.
    FOLIO_TRUSTED_PROXIES: '1',
  };
}

/** One instance of the standalone server that `npm run build` produces, as a deployment runs it. */
async function startInstance(database: TestDatabase): Promise<RunningServer> {
  expect(build.status, build.output).toBe(0);
  const server = await startServer(() => [process.execPath, path.join(distDir, 'standalone/server.js')], deploymentSettings(database));
  cleanups.push(() => server.stop());
  return server;
}

async function useDatabase(engine: string): Promise<TestDatabase> {
  const database = await engines.find((candidate) => candidate.name === engine)!.create();
  cleanups.push(() => database.drop());
  return database;
}

/**
 * The standalone server as a serverless function runs it: the project folder (build and data)
 * mounted read-only for this process alone, no build cache, HOME and TMPDIR in a scratch folder.
 */
async function startReadOnly(database: TestDatabase, env: Record<string, string> = {}): Promise<{ server: RunningServer; scratch: string }> {
  expect(build.status, build.output).toBe(0);
  const scratch = await mkdtemp(path.join(tmpdir(), 'folio-serverless-'));
  cleanups.push(() => rm(scratch, { recursive: true, force: true }));
  const readOnly = 'mount --bind -o ro "$0" "$0" && cd "$1" && exec "$2" server.js';
  const server = await startServer(() => ['unshare', '-m', 'sh', '-c', readOnly, process.cwd(), path.resolve(distDir, 'standalone'), process.execPath], {
    ...deploymentSettings(database),
    // Pages of its own: the instances above regenerated the same build's pages from other databases.
    FOLIO_REDIS_PREFIX: `${redisPrefix}serverless:`,
    HOME: scratch,
    TMPDIR: scratch,
    ...env,
  });
  cleanups.push(() => server.stop());
  return { server, scratch };
}

// A test that starts instances gets as long as starting one may take (tests/support/server-process.ts):
// on a loaded machine, two instances starting at once outlasted the integration tier's default.
const startsInstancesMs = 120_000;

let readers = 0;

/** A reader opens the post on one instance and comments through the plain (JavaScript-less) form. */
async function comment(server: RunningServer, body: string): Promise<string> {
  const reader = (readers += 1);
  const page = await fetch(`${server.url}${post}`);
  expect(page.status).toBe(200);
  const form = formFields(await page.text(), (element) => element.properties.ariaLabel === 'Leave a comment', {
    name: `Reader ${reader}`,
    body,
  });
  const response = await submitForm(`${server.url}${post}`, form, { 'x-forwarded-for': `198.51.100.${reader}` });
  const answer = await response.text();
  const message = answer.match(/Thank you! Your comment is (published|awaiting moderation)/) ?? answer.match(/"kind":"error","message":"([^"]*)"/);
  return message?.[0] ?? `no answer (${response.status})`;
}

/** The blogger signs in to /admin on one instance and approves the held comment with this text. */
async function approve(server: RunningServer, body: string): Promise<void> {
  const jar = new CookieJar();
  const signInPage = await (await fetch(`${server.url}/admin`)).text();
  const signIn = await submitForm(`${server.url}/admin`, formFields(signInPage, withField('password'), { password: adminPassword }));
  jar.keep(signIn);
  const adminPage = await (await fetch(`${server.url}/admin`, { headers: { cookie: jar.header() } })).text();
  const decision = formFields(adminPage, (form) => form.children.length > 0, { decision: 'approve' }, body);
  const approved = await submitForm(`${server.url}/admin`, decision, { cookie: jar.header() });
  expect(approved.status).toBeLessThan(400);
}

async function showsComment(server: RunningServer, body: string): Promise<boolean> {
  return (await (await fetch(`${server.url}${post}`)).text()).includes(body);
}

const missingServices = requireServices('TEST_DATABASE_URL', 'TEST_REDIS_URL');
// A suite that quietly skips in CI tests nothing: there, a missing root fails the run too.
it.runIf(!isRoot && servicesRequired)('may mount the app folder read-only', () => {
  expect.fail('The serverless test mounts the app folder read-only (unshare -m, mount --bind), which needs root');
});
if (!isRoot && !servicesRequired) console.warn('Skipping the read-only serverless test: mounting the app folder read-only needs root.');

describe.skipIf(missingServices.length > 0)('deployment from one build', () => {
  beforeAll(async () => {
    feeds = await startFeedServer();
    build = await buildStandaloneIntoDistDir(distDir, { REDIS_URL: redisUrl ?? '', FOLIO_BLOGROLL: followedFeeds.map((pathname) => feeds.url(pathname)).join(',') });
    feedRequestsOfBuild = [...feeds.requests];
  }, 900_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await feeds?.close();
    const redis = createClient({ url: redisUrl });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `${redisPrefix}*`, COUNT: 500 })) if (keys.length > 0) await redis.unlink(keys);
    await redis.destroy();
  }, 60_000);

  it('the standalone server serves the posts and stores a comment in SQLite', async () => {
    const database = await useDatabase('SQLite');
    const server = await startInstance(database);
    const home = await fetch(server.url);
    expect(await home.text()).toContain('Sketching a garden shed');
    const styles = (await (await fetch(`${server.url}${post}`)).text()).match(/\/_next\/static\/[^"]+\.css/)?.[0];
    expect((await fetch(`${server.url}${styles}`)).status, 'static assets are served').toBe(200);
    expect((await fetch(`${server.url}/images/shed-sketch.svg`)).status, 'public/ is served').toBe(200);

    expect(await comment(server, 'Stored by the standalone server')).toBe('Thank you! Your comment is awaiting moderation');
    expect((await database.store.listAll()).map((stored) => stored.body)).toEqual(['Stored by the standalone server']);
  }, startsInstancesMs);

  it('two instances on PostgreSQL and Redis store each acknowledged comment once and agree on approved ones', async () => {
    const database = await useDatabase('PostgreSQL');
    const instances = await Promise.all([startInstance(database), startInstance(database)]);
    const bodies = Array.from({ length: 12 }, (_, index) => `Concurrent comment ${index} ${redisPrefix}`);
    const answers = await Promise.all(bodies.map((body, index) => comment(instances[index % 2]!, body)));
    expect(answers).toEqual(bodies.map(() => 'Thank you! Your comment is awaiting moderation'));
    const stored = (await database.store.listAll()).map((stored) => stored.body);
    expect(stored.toSorted()).toEqual(bodies.toSorted());

    for (const instance of instances) {
      const page = await fetch(`${instance.url}${post}`);
      expect(page.headers.get('x-nextjs-cache'), 'the post comes from the build, not rendered again').toBe('HIT');
      expect(await page.text()).not.toContain(bodies[0]);
    }
    await approve(instances[0]!, bodies[0]!);
    await Promise.all(
      instances.map((instance, index) =>
        expect.poll(() => showsComment(instance, bodies[0]!), { message: `the approved comment shows on instance ${index + 1} within 5 seconds`, timeout: 5_000 }).toBe(true),
      ),
    );
  }, startsInstancesMs);

  describe.skipIf(!isRoot)('on a serverless host: a read-only app folder without build cache', () => {
    it('takes comments with JavaScript off and on, shows them once approved, and logs no error', async () => {
      const database = await useDatabase('PostgreSQL');
      const standalone = path.resolve(distDir, 'standalone');
      expect(existsSync(path.join(standalone, distDir, 'cache')), 'the function carries no build cache').toBe(false);
      const { server, scratch } = await startReadOnly(database);
      const fetched = vi.spyOn(globalThis, 'fetch');
      const browserStatuses: number[] = [];
      const [withoutScript, withScript] = [`Posted without JavaScript ${redisPrefix}`, `Posted with JavaScript ${redisPrefix}`];
      const countOnHome = async () => (await (await fetch(server.url)).text()).match(new RegExp(`href="${post}#comments"[^>]*>([^<]*)<`))?.[1];
      try {
        expect(await countOnHome()).toBe(formatCommentCount(0));
        expect(await comment(server, withoutScript)).toBe('Thank you! Your comment is awaiting moderation');

        const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
        cleanups.push(() => browser.close());
        const page = await browser.newPage();
        page.on('response', (response) => browserStatuses.push(response.status()));
        await page.goto(`${server.url}${post}`, { waitUntil: 'networkidle' });
        const form = page.getByRole('form', { name: 'Leave a comment' });
        await form.getByLabel('Name').fill('Reader with JavaScript');
        await form.getByLabel(/^Comment/).fill(withScript);
        await form.getByRole('button', { name: 'Post comment' }).click();
        await page.getByText('Thank you! Your comment is awaiting moderation.').waitFor();

        await approve(server, withoutScript);
        await approve(server, withScript);
        await vi.waitFor(
          async () => {
            const html = await (await fetch(`${server.url}${post}`)).text();
            expect(html).toContain(withoutScript);
            expect(html).toContain(withScript);
          },
          { timeout: 15_000, interval: 250 },
        );
        await page.reload();
        await page.getByText(withScript).waitFor();
        await vi.waitFor(async () => expect(await countOnHome()).toBe(formatCommentCount(2)), { timeout: 15_000, interval: 250 });
        // The post's comment feed follows too, as a feed reader fetches it.
        await vi.waitFor(
          async () => {
            const feed = parseAtomFeed(await (await fetch(`${server.url}${post}/comments.xml`)).text());
            expect(feed.entries?.map((entry) => entry.content?.value ?? '').join('\n')).toContain(withScript);
          },
          { timeout: 15_000, interval: 250 },
        );

        const html = await (await fetch(`${server.url}${post}`)).text();
        expect(html, 'the blogroll box, as the build saw the feeds').toMatch(/Articles from blogs I read[\s\S]*New unique package/);
        const card = await fetch(`${server.url}${post}/opengraph-image`);
        expect(card.headers.get('content-type')).toBe('image/png');
        expect(imageSize(new Uint8Array(await card.arrayBuffer()))).toEqual({ type: 'png', width: 1200, height: 630 });
        expect(existsSync(path.join(scratch, 'folio-cache/mdx')), 'regenerations render the posts compiled by the build').toBe(false);

        const statuses = await Promise.all(fetched.mock.results.map(async (result) => ((await result.value) as Response).status));
        expect([...statuses, ...browserStatuses].filter((status) => status >= 500)).toEqual([]);
        expect(server.output()).not.toMatch(/error|⨯/i);
      } finally {
        fetched.mockRestore();
      }
    }, 180_000);

    it('e-mails the blogger about a held comment, and the Approve link publishes it with JavaScript off', async () => {
      const database = await useDatabase('PostgreSQL');
      const sink = await startSmtpSink();
      cleanups.push(() => sink.close());
      const blogger = 'blogger@example.com';
      const { server } = await startReadOnly(database, { SMTP_URL: sink.url, FOLIO_MAIL_FROM: 'Folio <folio@blog.example>', FOLIO_ADMIN_EMAIL: blogger });
      const body = `Mailed from a read-only function ${redisPrefix}`;
      expect(await comment(server, body)).toBe('Thank you! Your comment is awaiting moderation');

      const mail = await sink.waitFor((received) => String(received.parsed.text).includes(body));
      expect(recipientsOf(mail)).toEqual([blogger]);
      // The message names the site's public address; this function answers on its own port.
      const link = /^Approve: (\S+)$/m.exec(String(mail.parsed.text))?.[1];
      expect(link, String(mail.parsed.text)).toBeDefined();
      const approveUrl = `${server.url}${new URL(link!).pathname}`;
      const confirmPage = await (await fetch(approveUrl)).text();
      expect(confirmPage).toContain('Approve and publish?');
      expect((await database.store.listAll()).find((stored) => stored.body === body)?.status, 'opening the link changed nothing').toBe('pending');

      const confirmed = await submitForm(approveUrl, formFields(confirmPage, withField('token'), {}));
      expect(confirmed.status).toBeLessThan(400);
      expect((await database.store.listAll()).find((stored) => stored.body === body)?.status).toBe('approved');
      await vi.waitFor(async () => expect(await showsComment(server, body)).toBe(true), { timeout: 15_000, interval: 250 });
      expect(server.output()).not.toMatch(/error|⨯/i);
    }, 120_000);

    it('refuses to start, in one sentence naming FOLIO_SECRET, when it would have to write its own secret', async () => {
      const database = await useDatabase('PostgreSQL');
      const unwritable = path.resolve(distDir, 'standalone/data-of-its-own');
      await expect(startReadOnly(database, { FOLIO_SECRET: '', FOLIO_DATA_DIR: unwritable })).rejects.toThrow(
        /FOLIO_SECRET is not set and Folio cannot keep a generated secret in .*data-of-its-own \(\w+\): set FOLIO_SECRET \(see docs\/deploy\.md\)\./,
      );
    });
  });
  describe('the blogroll, as the build fetched it', () => {
    let server: RunningServer;
    const page = async (pathname: string) => {
      const response = await fetch(`${server.url}${pathname}`);
      expect(response.status, pathname).toBe(200);
      return response.text();
    };
    /** The box's HTML on a post page, and what comes before it (posts hold asides of their own, callouts). */
    const blogrollBox = (html: string) => {
      const start = html.lastIndexOf('<aside', html.indexOf('aria-labelledby="blogroll-heading"'));
      expect(start, 'the post has a blogroll box').toBeGreaterThan(-1);
      return { before: html.slice(0, start), box: html.slice(start, html.indexOf('</aside>', start)) };
    };

    beforeAll(async () => {
      server = await startInstance(await useDatabase('SQLite'));
    });

    it('builds despite a hanging and a failing feed, warning about each on one line', () => {
      expect(build.output).toContain(`Blogroll: skipping ${feeds.url('/hang')}: no answer in time, and no cached copy`);
      expect(build.output).toContain(`Blogroll: skipping ${feeds.url('/error')}: HTTP 500, and no cached copy`);
    });

    it('fetches each feed once for the whole build, not once per page', () => {
      for (const pathname of [...reachableFeeds, '/hang', '/error']) {
        expect(feedRequestsOfBuild.filter((request) => request.pathname === pathname), pathname).toHaveLength(1);
      }
    });

    it('ends every post with the newest article of each feed, newest first', async () => {
      for (const slug of ['sketching-a-garden-shed', 'highlighting-code-at-build-time']) {
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
      for (const pathname of [...reachableFeeds, '/hang', '/error']) expect(opml).toContain(`xmlUrl="${feeds.url(pathname)}"`);
    });

    it('builds with hostile feeds, showing none of their markup or expanded entities', async () => {
      expect(build.output).toContain(`Blogroll: skipping ${feeds.url('/huge.xml')}: larger than 5 MB, and no cached copy`);
      const blogroll = await page('/blogroll');
      expect(blogroll).toContain('Hostile Blog');
      expect(blogroll).toContain('Raw title');
      expect(blogroll).not.toContain('__folioXss');
      expect(blogroll).not.toContain('lollol');
    });
  });
});

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../comments/engines';
import { buildIntoDistDir } from '../next-build';
import { type RunningServer, startServer } from '../servers';
import { CookieJar, formFields, submitForm } from './http-forms';

const databaseServer = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const distDir = '.next-deploy-test';
const post = '/blog/sketching-a-garden-shed';
const adminPassword = 'instances-admin-password';
// Each run has keys of its own: other runs may share the Redis server.
const redisPrefix = `folio-test-${randomBytes(6).toString('hex')}:`;

let build: { status: number | null; output: string };
const cleanups: (() => Promise<unknown>)[] = [];

/** One instance of the standalone server that `npm run build` produces, as a deployment runs it. */
async function startInstance(database: TestDatabase): Promise<RunningServer> {
  expect(build.status, build.output).toBe(0);
  const server = await startServer(() => [process.execPath, path.join(distDir, 'standalone/server.js')], {
    FOLIO_DIST_DIR: distDir,
    DATABASE_URL: database.target.engine === 'sqlite' ? `file:${database.target.file}` : database.target.url,
    REDIS_URL: redisUrl,
    FOLIO_REDIS_PREFIX: redisPrefix,
    ADMIN_PASSWORD: adminPassword,
    FOLIO_COMMENT_MIN_SECONDS: '0',
    // A load balancer stands in front of the instances: each reader comes from their own address.
    FOLIO_TRUSTED_PROXIES: '1',
  });
  cleanups.push(() => server.stop());
  return server;
}

async function useDatabase(engine: string): Promise<TestDatabase> {
  const database = await engines.find((candidate) => candidate.name === engine)!.create();
  cleanups.push(() => database.drop());
  return database;
}

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
  const signIn = await submitForm(`${server.url}/admin`, formFields(signInPage, () => true, { password: adminPassword }));
  jar.keep(signIn);
  const adminPage = await (await fetch(`${server.url}/admin`, { headers: { cookie: jar.header() } })).text();
  const decision = formFields(adminPage, (form) => form.children.length > 0, { decision: 'approve' }, body);
  const approved = await submitForm(`${server.url}/admin`, decision, { cookie: jar.header() });
  expect(approved.status).toBeLessThan(400);
}

async function showsComment(server: RunningServer, body: string): Promise<boolean> {
  return (await (await fetch(`${server.url}${post}`)).text()).includes(body);
}

describe.skipIf(!databaseServer || !redisUrl)('deployment from one build', () => {
  beforeAll(async () => {
    build = await buildIntoDistDir(distDir, { REDIS_URL: redisUrl ?? '' });
    if (build.status === 0) await promisify(execFile)(process.execPath, ['scripts/complete-standalone.mjs'], { env: { ...process.env, FOLIO_DIST_DIR: distDir } });
  }, 720_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
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
  });

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
    const approvedAt = Date.now();
    const seen = await Promise.all(
      instances.map(async (instance) => {
        while (Date.now() - approvedAt < 5_000) {
          if (await showsComment(instance, bodies[0]!)) return true;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        return false;
      }),
    );
    expect(seen, 'the approved comment shows on both instances within 5 seconds').toEqual([true, true]);
  });
});

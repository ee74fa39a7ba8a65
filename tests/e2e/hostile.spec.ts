import { type Browser, expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { migrateDatabase } from '@/db/migrate.mjs';
import { maxCommentNesting } from '@/lib/comments/markdown-nesting';
import { inParallel, openCommentForm, postComment, postRawField, type SubmissionResult } from './support/comment-client';
import { createScratchPostgres, createScratchSqlite, type ScratchDatabase } from './support/databases';
import { freePort } from '@/tests/support/free-port';
import { copyBuild, removeBuild, startFolio } from './support/folio-server';
import { adminPassword, signInToAdmin } from './support/admin';
import { startPrivatePostgres } from './support/private-postgres';
import { executedPayload, injectedMarkup, watchForExecution } from './support/execution-watch';
import { missingServices, missingServicesMessage, servicesRequired, testServices } from '@/tests/support/services';
import type { RunningServer } from '@/tests/support/server-process';

// One production build, copied once per worker; each test runs its own servers and databases. In order,
// but independent: a failing test does not skip the ones after it.
test.describe.configure({ mode: 'default', timeout: 180_000 });

const slug = 'sketching-a-garden-shed';
const postTitle = 'Sketching a garden shed before building it';
/** No minimum time and no rate limit, for the servers that take hundreds of comments from one address. */
const unthrottled = { FOLIO_COMMENT_MIN_SECONDS: '0', FOLIO_COMMENT_RATE_LIMIT: '1000000' };
const postgresUrl = testServices.TEST_DATABASE_URL;
const missing = missingServices('TEST_DATABASE_URL');
const engines: { name: string; create(): Promise<ScratchDatabase> }[] = [
  { name: 'SQLite', create: createScratchSqlite },
  ...(postgresUrl ? [{ name: 'PostgreSQL', create: () => createScratchPostgres(postgresUrl) }] : []),
];

const readFixture = <T>(file: string) => JSON.parse(readFileSync(`tests/fixtures/${file}`, 'utf8')) as T;
const payloadGroups = readFixture<Record<string, string[]>>('xss/payloads.json');
const sqlInjections = readFixture<string[]>('sqli/strings.json');
const payloads = Object.values(payloadGroups).flat();
const tried = { payloads: 0, faults: 0, injected: 0, lost: 0, failedTests: 0 };

let distDir: string;
const running = new Set<RunningServer>();
const scratch = new Set<ScratchDatabase>();

async function serve(databaseUrl: string, env: Record<string, string> = unthrottled): Promise<RunningServer> {
  const server = await startFolio(distDir, databaseUrl, env);
  running.add(server);
  return server;
}

async function scratchDatabase(create: () => Promise<ScratchDatabase>): Promise<ScratchDatabase> {
  const database = await create();
  scratch.add(database);
  return database;
}

// Each test serves its own copy of the build: pages one test regenerates (one holds hundreds of comments) must not reach another.
test.beforeEach(async ({}, testInfo) => {
  distDir = await copyBuild(testInfo.testId);
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) tried.failedTests += 1;
  await Promise.all([...running].map((server) => server.kill()));
  running.clear();
  await removeBuild(distDir);
});

test.afterAll(async () => {
  await Promise.all([...scratch].map((database) => database.drop()));
  const verdict =
    tried.failedTests > 0
      ? `${tried.failedTests} test(s) FAILED (${tried.injected} injected, ${tried.lost} lost seen).`
      : missing.length > 0
        ? `nothing injected, nothing lost on SQLite; PostgreSQL NOT TRIED (${missing.join(', ')} unset).`
        : 'nothing injected, nothing lost.';
  console.log(
    `Hostile suite: ${tried.payloads} hostile inputs (from ${payloads.length} XSS payloads and ${sqlInjections.length} injection strings) ` +
      `and ${tried.faults} faults tried; ${verdict}`,
  );
});

/** Form data carries line breaks as CRLF, as browsers send them: that is the text the server receives. */
const asSent = (text: string) => text.replace(/\r?\n/g, '\r\n');
/** A comment is stored as sent, with its line breaks as LF. */
const asStoredBody = (text: string) => text.replace(/\r\n?/g, '\n');
const refusal = 'Please correct the marked fields.';
const thanks = /^Thank you! Your comment is (published|awaiting moderation)\.$/;

test('XSS payloads in name, website and body are stored as sent or refused, and none executes in Chromium', async ({ browser }) => {
  expect(payloads.length).toBeGreaterThanOrEqual(200);
  expect(new Set(payloads).size).toBe(payloads.length);
  const database = await scratchDatabase(createScratchSqlite);
  const server = await serve(database.url);
  const form = await openCommentForm(server.url, slug);

  // Each payload as a comment body, as a name, and as a website, one field at a time.
  const submissions = payloads.flatMap((payload, index) => [
    { field: 'body' as const, fields: { name: `Reader ${index}`, body: payload } },
    { field: 'name' as const, fields: { name: payload, body: `Name test ${index}` } },
    { field: 'website' as const, fields: { name: `Site ${index}`, website: payload, body: `Website test ${index}` } },
  ]);
  const results: SubmissionResult[] = [];
  await inParallel(submissions, 4, async (submission, index) => {
    results[index] = await postComment(form, submission.fields);
  });
  tried.payloads += submissions.length;

  const stored = await database.comments();
  const accepted = submissions.filter((_, index) => results[index]?.saved);
  for (const [index, submission] of submissions.entries()) {
    const result = results[index];
    if (result?.saved) continue;
    // Not stored means refused, with the reason shown beside the field that holds the payload.
    expect(result?.message, JSON.stringify(submission)).toBe(refusal);
    expect(result?.fieldErrors[submission.field], JSON.stringify(submission)).toBeTruthy();
  }
  expect(stored).toHaveLength(accepted.length);
  const storedByBody = new Map(stored.map((comment) => [comment.body, comment]));
  for (const { fields } of accepted) {
    const comment = storedByBody.get(asStoredBody(fields.body));
    expect(comment, fields.body).toBeDefined();
    expect(comment?.author_name).toBe(asSent(fields.name));
    expect(comment?.author_url).toBe(fields.website === undefined ? null : asSent(fields.website));
  }
  expect(accepted.filter((submission) => submission.field === 'body').length).toBeGreaterThanOrEqual(200);

  // Publish them all, then one more comment from a known reader regenerates the static page.
  await database.approveAll();
  const marker = `Everything published ${Date.now()}`;
  expect((await postComment(form, { name: 'Reader 0', body: marker })).message).toBe('Thank you! Your comment is published.');
  await expect.poll(async () => (await fetch(form.pageUrl)).text().then((html) => html.includes(marker)), { timeout: 30_000 }).toBe(true);

  const context = await browser.newContext();
  const page = await context.newPage();
  const events = await watchForExecution(page, server.url);
  await page.goto(form.pageUrl);
  await expect(page.locator('#comments article[id^="comment-"]')).toHaveCount(stored.length + 1);
  // What readers wrote: the author line and the body of each comment (Folio's own forms are not theirs).
  const written = page.locator('#comments article[id^="comment-"] > :is(header, div)');
  // Mouse and focus events for handler payloads, then time for timers and late loads to fire.
  await written.evaluateAll((elements) =>
    elements.flatMap((element) => [element, ...element.querySelectorAll('*')]).forEach((element) => ['mouseover', 'mouseenter', 'focus'].forEach((type) => element.dispatchEvent(new Event(type)))),
  );
  await page.waitForLoadState('networkidle');
  const dangerous = await written.evaluateAll(injectedMarkup);
  const flag = await executedPayload(page);
  await context.close();
  tried.injected += dangerous.length + events.dialogs.length + events.foreignRequests.length + (flag ? 1 : 0);
  expect(dangerous).toEqual([]);
  expect(flag).toBe(false);
  expect(events.dialogs).toEqual([]);
  expect(events.foreignRequests).toEqual([]);
});

for (const engine of engines) {
  test(`on ${engine.name}: injection strings and Unicode are stored verbatim; NUL, invalid UTF-8 and oversized input are refused`, async () => {
    const database = await scratchDatabase(engine.create);
    const server = await serve(database.url);
    const form = await openCommentForm(server.url, slug);

    const unicode = [
      'مرحبا بالعالم — עברית משמאל',
      'e\u0301 a\u0308 Z\u0351\u0357\u0358\u035c\u0361͜',
      '👩🏽‍🔬 🏳️‍🌈 👨‍👩‍👧‍👦 🇪🇺',
      'zero\u200bwidth\u200cjoin\u200dnon\u2060word\ufeffmark',
      '\u202eevil\u202c \u2066isolate\u2069 \u{1d518}\u{1d52b}\u{1d526}',
    ];
    const verbatim = [
      ...sqlInjections.map((text, index) => ({ name: text, email: `o'brien+${index}--@example.com`, website: `https://x.example/?q=${text}`, body: text })),
      ...unicode.map((text) => ({ name: text, email: '', website: '', body: text })),
    ];
    for (const fields of verbatim) {
      const result = await postComment(form, fields);
      expect(result.message, JSON.stringify(fields)).toMatch(thanks);
    }
    tried.payloads += verbatim.length;
    const stored = await database.comments();
    expect(stored.map(({ author_name, author_email, author_url, body }) => ({ name: author_name, email: author_email ?? '', website: author_url ?? '', body }))).toEqual(verbatim);

    const refused: { result: SubmissionResult; field: 'name' | 'body'; reason: RegExp }[] = [
      { result: await postComment(form, { name: 'Nul', body: 'before\u0000after' }), field: 'body', reason: /cannot be stored/ },
      { result: await postComment(form, { name: 'Nul\u0000', body: 'a NUL in the name' }), field: 'name', reason: /cannot be stored/ },
      {
        result: await postRawField(form, { name: 'Bytes' }, { name: 'body', bytes: Buffer.from([0x68, 0x69, 0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]) }),
        field: 'body',
        reason: /cannot be stored/,
      },
      { result: await postComment(form, { name: 'x'.repeat(100 * 1024), body: 'A 100 kB name' }), field: 'name', reason: /80 characters/ },
    ];
    for (const { result, field, reason } of refused) {
      expect(result.message).toBe(refusal);
      expect(result.fieldErrors[field]).toMatch(reason);
    }
    const huge = await postComment(form, { name: 'Huge', body: 'x'.repeat(10 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.message).toMatch(/too large/);
    tried.payloads += refused.length + 1;
    expect(await database.comments()).toHaveLength(verbatim.length);
    // The server took no harm.
    expect((await postComment(form, { name: 'Afterwards', body: 'Still here' })).message).toMatch(thanks);
  });
}

/** The post page as a reader sees it, with or without JavaScript. */
async function readPost(browser: Browser, url: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(url);
  return { page, context };
}

test('a comment nested 4,000 quotes deep waits in /admin with every decision, and once approved shows as text beside the others', async ({ browser }) => {
  const database = await scratchDatabase(createScratchSqlite);
  const server = await serve(database.url, { ...unthrottled, ADMIN_PASSWORD: adminPassword });
  const form = await openCommentForm(server.url, slug);
  const deepQuote = (word: string) => `${'>'.repeat(4_000)} ${word}`;
  tried.payloads += 2;

  // Held: a first-time commenter's comments wait, the deep ones among their neighbours.
  const sent = [
    await postComment(form, { name: 'Neighbour', body: 'Written before the deep quote' }),
    await postComment(form, { name: 'Deep Quoter', body: deepQuote('kumquat') }),
    await postComment(form, { name: 'Neighbour Two', body: 'Written after the deep quote' }),
  ];
  for (const result of sent) expect(result.message).toBe('Thank you! Your comment is awaiting moderation.');
  const reader = await readPost(browser, form.pageUrl, true);
  const readerForm = reader.page.getByRole('form', { name: 'Leave a comment' });
  await readerForm.getByLabel('Name').fill('Deep Quoter Again');
  await readerForm.getByLabel(/^Comment/).fill(deepQuote('rhubarb'));
  await readerForm.getByRole('button', { name: 'Post comment' }).click();
  // The page may still be the one an earlier test regenerated with hundreds of comments: hydrating it takes a while.
  await expect(reader.page.getByText('Thank you! Your comment is awaiting moderation.')).toBeVisible({ timeout: 30_000 });
  await expect(reader.page.getByRole('article', { name: 'Your comment' }).locator('blockquote')).toHaveCount(maxCommentNesting);
  await reader.context.close();
  expect((await database.comments()).map((comment) => comment.status)).toEqual(['pending', 'pending', 'pending', 'pending']);

  // The queue loads with all four, each with every decision, with JavaScript and without.
  const heldIn = (admin: Page) => admin.getByRole('region', { name: /Waiting for moderation/ }).getByRole('article');
  for (const javaScriptEnabled of [true, false]) {
    const { admin, context } = await signInToAdmin(browser, { baseURL: server.url, javaScriptEnabled });
    await expect(heldIn(admin)).toHaveCount(4);
    for (const article of await heldIn(admin).all()) {
      for (const decision of ['Approve', 'Spam', 'Delete']) await expect(article.getByRole('button', { name: decision })).toBeVisible();
    }
    await expect(heldIn(admin).filter({ hasText: 'kumquat' }).locator('blockquote')).toHaveCount(maxCommentNesting);
    if (javaScriptEnabled) {
      await context.close();
      continue;
    }
    // Decisions are taken without JavaScript, where no link prefetch regenerates the post between two of them.
    await heldIn(admin).filter({ hasText: 'kumquat' }).getByRole('button', { name: 'Delete' }).click();
    await expect(heldIn(admin)).toHaveCount(3);
    expect((await database.comments()).map((comment) => comment.body)).not.toContain(deepQuote('kumquat'));
    for (const word of ['before', 'after', 'rhubarb']) {
      await heldIn(admin).filter({ hasText: word }).getByRole('button', { name: 'Approve' }).click();
    }
    await expect(heldIn(admin)).toHaveCount(0);
    await expect(admin.getByRole('region', { name: 'Recently published' }).getByRole('article')).toHaveCount(3);
    await context.close();
  }

  // The post shows all three, the deep quote nested as deep as the cap with the rest as text, with and without JavaScript.
  await expect.poll(async () => (await fetch(form.pageUrl)).text().then((html) => html.includes('rhubarb')), { timeout: 60_000 }).toBe(true);
  for (const javaScriptEnabled of [true, false]) {
    const { page, context: readerContext } = await readPost(browser, form.pageUrl, javaScriptEnabled);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(postTitle);
    await expect(page.getByRole('heading', { name: '3 comments' })).toBeVisible();
    const comments = page.locator('#comments article[id^="comment-"]');
    await expect(comments.filter({ hasText: 'Written before the deep quote' })).toBeVisible();
    await expect(comments.filter({ hasText: 'Written after the deep quote' })).toBeVisible();
    const deep = comments.filter({ hasText: 'rhubarb' });
    await expect(deep.locator('blockquote')).toHaveCount(maxCommentNesting);
    const deepest = Array.from({ length: maxCommentNesting }, () => 'blockquote').join(' ');
    await expect(deep.locator(`${deepest} > p`)).toHaveText(`${'>'.repeat(4_000 - maxCommentNesting)} rhubarb`);
    await readerContext.close();
  }
  await expect.poll(async () => (await fetch(server.url)).text().then((html) => html.includes('3 comments')), { timeout: 60_000 }).toBe(true);
});

test('cross-site comment POSTs, with another Origin, Origin null or a forged action id, change nothing', async () => {
  const database = await scratchDatabase(createScratchSqlite);
  const server = await serve(database.url);
  const form = await openCommentForm(server.url, slug);
  const fields = { name: 'Mallory', body: 'Posted from elsewhere' };
  // The action reference names the server function to run ("$ACTION_<n>:0"); swap in an id that names none.
  const forgedHidden = Object.fromEntries(
    Object.entries(form.hidden).map(([name, value]) => [name, /^\$ACTION_\d+:0$/.test(name) ? value.replace(/"id":"\w+"/, `"id":"${'f'.repeat(42)}"`) : value]),
  );
  expect(forgedHidden).not.toEqual(form.hidden);
  const forged = { ...form, hidden: forgedHidden };
  const attempts = [
    await postComment(form, fields, { origin: 'https://evil.example' }),
    await postComment(form, fields, { origin: 'null' }),
    await postComment(form, fields, { origin: 'https://127.0.0.1.evil.example' }),
    await postComment(forged, fields),
    await postComment(form, fields, { 'next-action': 'f'.repeat(42) }),
  ];
  tried.payloads += attempts.length;
  for (const [index, attempt] of attempts.entries()) expect(attempt.saved, `attempt ${index}: ${attempt.status} ${attempt.message}`).toBe(false);
  expect(await database.comments()).toEqual([]);
  expect((await postComment(form, fields)).message).toMatch(thanks);
});

test('a burst of 100 concurrent comments from one client: the rate limit holds and the rest are told so', async () => {
  const database = await scratchDatabase(createScratchSqlite);
  // The site's own rate limit; only the minimum time to fill in the form is lifted.
  const server = await serve(database.url, { FOLIO_COMMENT_MIN_SECONDS: '0' });
  const form = await openCommentForm(server.url, slug);
  const results = await Promise.all(Array.from({ length: 100 }, (_, index) => postComment(form, { name: 'Burst', body: `Burst comment ${index}` })));
  tried.faults += 1;
  const accepted = results.filter((result) => result.saved);
  const limited = results.filter((result) => /^Too many comments — please try again in \d+ minutes?\.$/.test(result.message));
  expect(accepted).toHaveLength(5);
  expect(limited).toHaveLength(95);
  expect(await database.comments()).toHaveLength(5);
});

for (const engine of engines) {
  test(`on ${engine.name}: every comment acknowledged before a SIGKILL is there after the restart`, async () => {
    const database = await scratchDatabase(engine.create);
    let server = await serve(database.url);
    const form = await openCommentForm(server.url, slug);
    const acknowledged: string[] = [];
    const bodies = Array.from({ length: 400 }, (_, index) => `Before the crash ${index}`);
    let killed = false;
    await inParallel(bodies, 8, async (body) => {
      if (killed) return;
      const result = await postComment(form, { name: 'Crash', body }).catch(() => undefined);
      if (result?.saved) acknowledged.push(body);
      if (acknowledged.length >= 40 && !killed) {
        killed = true;
        await server.kill();
      }
    });
    tried.faults += 1;
    expect(killed).toBe(true);
    running.delete(server);

    server = await serve(database.url);
    const stored = new Set((await database.comments()).map((comment) => comment.body));
    const lost = acknowledged.filter((body) => !stored.has(body));
    tried.lost += lost.length;
    expect(lost).toEqual([]);
    expect((await postComment(await openCommentForm(server.url, slug), { name: 'Crash', body: 'After the restart' })).message).toMatch(thanks);
  });
}

test('PostgreSQL stopped mid-run: posts still render, comments say they are unavailable, and work again once it is back', async ({ page }) => {
  test.skip(!postgresUrl && !servicesRequired, 'TEST_DATABASE_URL is not set');
  expect(missing, missingServicesMessage(missing)).toEqual([]);
  const postgres = await startPrivatePostgres(await freePort());
  try {
    await migrateDatabase({ engine: 'postgres', url: postgres.url });
    const server = await serve(postgres.url);
    const form = await openCommentForm(server.url, slug);
    expect((await postComment(form, { name: 'Before', body: 'PostgreSQL is up' })).message).toMatch(thanks);

    await postgres.stop();
    tried.faults += 1;
    await page.goto(form.pageUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(postTitle);
    expect((await postComment(form, { name: 'During', body: 'PostgreSQL is down' })).message).toBe('Comments are temporarily unavailable — please try again.');

    await postgres.start();
    expect((await postComment(form, { name: 'After', body: 'PostgreSQL is back' })).message).toMatch(thanks);
  } finally {
    await postgres.destroy();
  }
});

test('every page carries the security headers, and a post page with a working comment form breaks no CSP rule', async ({ browser }) => {
  const database = await scratchDatabase(createScratchSqlite);
  const server = await serve(database.url);
  for (const pathname of ['/', `/blog/${slug}`, '/tags', '/archive', '/blogroll', '/feed.xml', '/admin', '/no-such-page']) {
    const headers = (await fetch(`${server.url}${pathname}`)).headers;
    const csp = headers.get('content-security-policy') ?? '';
    for (const directive of ["script-src 'self' 'unsafe-inline'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"])
      expect(csp, pathname).toContain(directive);
    expect(csp, pathname).not.toContain('unsafe-eval');
    expect(headers.get('x-content-type-options'), pathname).toBe('nosniff');
    expect(headers.get('referrer-policy'), pathname).toBe('strict-origin-when-cross-origin');
    expect(headers.get('permissions-policy'), pathname).toContain('camera=()');
  }
  // Still prerendered: the headers did not make the page dynamic.
  expect((await fetch(`${server.url}/blog/${slug}`)).headers.get('x-nextjs-cache')).toMatch(/HIT|STALE/);

  const context = await browser.newContext();
  const page = await context.newPage();
  const events = await watchForExecution(page, server.url);
  await page.goto(`${server.url}/blog/${slug}`);
  const form = page.getByRole('form', { name: 'Leave a comment' });
  await form.getByLabel('Name').fill('Csp Reader');
  await form.getByLabel(/^Comment/).fill('Posted with JavaScript on, under the policy');
  await form.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Thank you! Your comment is awaiting moderation.')).toBeVisible();
  await context.close();
  expect(events.cspViolations).toEqual([]);
  expect(events.foreignRequests).toEqual([]);
});

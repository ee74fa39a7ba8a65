import { expect, type Page, test } from '@playwright/test';
import { adminPassword, signInToAdmin } from './support/admin';
import { fetch } from 'undici';
import { openCommentForm, postComment } from './support/comment-client';
import { createScratchSqlite, type ScratchDatabase } from './support/databases';
import { copyBuild, removeBuild, startFolio } from './support/folio-server';
import { unique } from './support/unique';
import type { RunningServer } from '@/tests/support/server-process';
import { type ReceivedMail, recipientsOf, type SmtpSink, startSmtpSink } from '@/tests/support/smtp-sink';

// A Folio server of these tests' own, whose SMTP_URL points at a real SMTP server the test runs on 127.0.0.1.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const slug = 'sketching-a-garden-shed';
const blogger = 'blogger@example.com';

let sink: SmtpSink;
let database: ScratchDatabase;
let distDir: string;
let server: RunningServer;

test.beforeAll(async () => {
  sink = await startSmtpSink();
  database = await createScratchSqlite();
  distDir = await copyBuild('mail');
  server = await startFolio(distDir, database.url, {
    SMTP_URL: sink.url,
    FOLIO_MAIL_FROM: 'Folio <folio@blog.example>',
    FOLIO_ADMIN_EMAIL: blogger,
    FOLIO_COMMENT_MIN_SECONDS: '0',
    FOLIO_COMMENT_RATE_LIMIT: '1000',
    ADMIN_PASSWORD: adminPassword,
  });
});

test.afterAll(async () => {
  await server?.kill();
  await sink?.close();
  await database?.drop();
  if (distDir) await removeBuild(distDir);
});

/** A link from a message's text part, on this test's server: the message names the site's own address. */
function linkIn(mail: ReceivedMail, label: string): string {
  const url = new RegExp(`^${label}: (\\S+)$`, 'm').exec(String(mail.parsed.text))?.[1];
  if (!url) throw new Error(`No ${label} link in:\n${mail.parsed.text}`);
  return `${server.url}${new URL(url).pathname}`;
}

const mailAbout = (text: string) => sink.waitFor((mail) => String(mail.parsed.text).includes(text));

/** Opens a link as a reader clicking it in their mail, and presses the page's button. */
async function followInBrowser(page: Page, url: string, button: string, result: string) {
  await page.goto(url);
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(result);
}

test('the Approve link in the blogger’s e-mail publishes the held comment, once its button is pressed', async ({ page }) => {
  const body = unique('Have you thought about a green roof?');
  await page.goto(`${server.url}/blog/${slug}`);
  const form = page.getByRole('form', { name: 'Leave a comment' });
  await form.getByLabel('Name').fill('Grace Hopper');
  await form.getByLabel(/^Email/).fill('grace@example.com');
  await form.getByLabel(/^Comment/).fill(body);
  await form.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Your comment is awaiting moderation')).toBeVisible();

  const mail = await mailAbout(body);
  expect(recipientsOf(mail)).toEqual([blogger]);
  expect(mail.parsed.subject).toBe('Comment awaiting moderation on “Sketching a garden shed before building it” from Grace Hopper');

  const approve = linkIn(mail, 'Approve');
  await page.goto(approve);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Approve and publish?');
  await expect(page.getByRole('blockquote', { name: 'Comment by Grace Hopper' })).toContainText(body);
  // Opening the link, as a mail scanner would, changed nothing.
  expect((await database.comments()).find((comment) => comment.body === body)?.status).toBe('pending');

  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Approved: the comment is published.');
  expect((await database.comments()).find((comment) => comment.body === body)?.status).toBe('approved');
  await page.getByRole('link', { name: 'See it on the post' }).click();
  // Regenerated on demand after the change: reload until the new version is served.
  await expect(async () => {
    await page.reload();
    await expect(page.locator('#comments article').filter({ hasText: body })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await page.goto(approve);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has already been used');
  await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);
  const forged = await page.goto(`${approve.slice(0, -3)}abc`);
  expect(forged?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
});

test('a reader confirms, gets the reply by e-mail, and one click from the mail client (RFC 8058) stops the next', async ({ page }) => {
  const reader = `reader.${Date.now()}@example.com`;
  const target = await openCommentForm(server.url, slug);
  const question = unique('Which wood for the door?');
  // As a form without JavaScript sends it, box ticked.
  expect((await postComment(target, { name: 'Careful Reader', email: reader, body: question, notifyReplies: 'on' })).saved).toBe(true);
  const confirmation = await sink.waitFor((mail) => recipientsOf(mail).includes(reader));
  await followInBrowser(page, linkIn(confirmation, 'Confirm'), 'Confirm', 'Confirmed');
  await followInBrowser(page, linkIn(await mailAbout(question), 'Approve'), 'Approve and publish', 'Approved: the comment is published.');
  const parentId = (await database.comments()).find((comment) => comment.body === question)?.id;

  const answer = unique('Larch: it weathers well.');
  expect((await postComment({ ...target, hidden: { ...target.hidden, parentId: String(parentId) } }, { name: 'Helpful Neighbour', body: answer })).saved).toBe(true);
  await followInBrowser(page, linkIn(await mailAbout(answer), 'Approve'), 'Approve and publish', 'Approved: the comment is published.');
  const reply = await sink.waitFor((mail) => recipientsOf(mail).includes(reader) && String(mail.parsed.text).includes(answer));
  expect(reply.parsed.subject).toBe('Helpful Neighbour replied to your comment on “Sketching a garden shed before building it”');
  const oneClick = /<(.+)>/.exec(reply.parsed.headerLines.find((line) => line.key === 'list-unsubscribe')?.line ?? '')?.[1];
  expect(reply.parsed.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

  // What a mail client sends for one click: no cookie, no page, just this POST.
  const unsubscribed = await fetch(`${server.url}${new URL(oneClick!).pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(unsubscribed.status).toBe(200);
  expect(await unsubscribed.text()).toMatch(/^Unsubscribed\./);

  const later = unique('Or oak, if you can find it.');
  await postComment({ ...target, hidden: { ...target.hidden, parentId: String(parentId) } }, { name: 'Another Neighbour', body: later });
  await followInBrowser(page, linkIn(await mailAbout(later), 'Approve'), 'Approve and publish', 'Approved: the comment is published.');
  // Mail goes out in order: once a later message has arrived, a reply mail would have too.
  const marker = unique('A marker comment');
  await postComment(target, { name: 'Marker', body: marker });
  await mailAbout(marker);
  expect(sink.received.filter((mail) => recipientsOf(mail).includes(reader)).map((mail) => mail.parsed.subject)).toEqual([
    "Confirm replies by e-mail from Ada's blog",
    'Helpful Neighbour replied to your comment on “Sketching a garden shed before building it”',
  ]);
});

test('/admin says in one line that mail is off without SMTP_URL, and lists a send the SMTP server refused', async ({ browser }) => {
  const withoutMail = await signInToAdmin(browser);
  await expect(withoutMail.admin.getByText('E-mail is off: set SMTP_URL to be told about held comments and to let readers get replies by e-mail.')).toBeVisible();
  await withoutMail.context.close();

  const { admin, context } = await signInToAdmin(browser, { baseURL: server.url });
  await expect(admin.getByText(`Held comments are e-mailed to ${blogger}, one message each.`)).toBeVisible();
  sink.refuseRecipients = Number.POSITIVE_INFINITY;
  const body = unique('Posted while the mail server refuses');
  const posted = await postComment(await openCommentForm(server.url, slug), { name: 'Unlucky Reader', body });
  expect(posted.message).toBe('Thank you! Your comment is awaiting moderation.');
  const failure = admin.getByRole('region', { name: 'E-mail' }).getByRole('listitem').filter({ hasText: 'Unlucky Reader' });
  await expect(async () => {
    await admin.reload();
    await expect(failure).toContainText('451 Mailbox temporarily unavailable', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  sink.refuseRecipients = 0;
  // The next try, a few seconds later, goes through.
  await mailAbout(body);
  await context.close();
});

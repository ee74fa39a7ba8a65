import { type APIRequestContext, type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { parseAtomFeed } from 'feedsmith';
import siteConfig from '@/site.config';
import { signInToAdmin } from './support/admin';
import { unique } from './support/unique';

const post = '/blog/sketching-a-garden-shed';

let clients = 0;
/** Each test writes from its own address, so that the rate limit of one never stops another. */
async function asNewClient(page: Page) {
  clients += 1;
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${test.info().workerIndex * 100 + clients}` });
}

function mainForm(page: Page) {
  return page.getByRole('form', { name: 'Leave a comment' });
}

async function fillComment(page: Page, fields: { name: string; body: string; email?: string; website?: string }, form = mainForm(page)) {
  await form.getByLabel('Name').fill(fields.name);
  if (fields.email) await form.getByLabel(/^Email/).fill(fields.email);
  if (fields.website) await form.getByLabel(/^Website/).fill(fields.website);
  await form.getByLabel(/^Comment/).fill(fields.body);
}

/** The blogger approves, from /admin, the held comment with this text. */
async function approveInAdmin(browser: Browser, body: string) {
  const { admin, context } = await signInToAdmin(browser);
  const held = admin.getByRole('region', { name: /Waiting for moderation/ }).getByRole('article').filter({ hasText: body });
  await held.getByRole('button', { name: 'Approve' }).click();
  await expect(held).toHaveCount(0);
  await context.close();
}

/** Clicks a submit button and returns the server's answer to the POST it sends, with or without JavaScript. */
async function submitAndWait(page: Page, button: Locator) {
  const [response] = await Promise.all([page.waitForResponse((response) => response.request().method() === 'POST'), button.click()]);
  return response;
}

/** A reader posts a comment, corrects it, then deletes it, all from the page that answered: no cookie is needed for that. */
async function postEditAndDelete(page: Page) {
  await page.goto(post);
  await fillComment(page, { name: 'Careful Reader', body: unique('Teh typo') });
  const posted = await submitAndWait(page, mainForm(page).getByRole('button', { name: 'Post comment' }));
  expect(await posted.headerValue('set-cookie'), 'posting a comment sets no cookie').toBeNull();

  const corrected = unique('The typo, *fixed*');
  await page.getByLabel(/^Edit your comment/).fill(corrected);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Your changes are saved.')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Your comment' }).locator('em')).toHaveText('fixed');

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('Your comment is deleted.')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Your comment' })).toHaveCount(0);
  expect(await page.context().cookies()).toEqual([]);
}

/** The post page is regenerated on demand after a change: reload until the new version is served. */
async function expectOnPost(page: Page, text: string) {
  await expect(async () => {
    await page.goto(post);
    await expect(page.locator('#comments article').filter({ hasText: text }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}


/** A commenter whose first comment the blogger approved, so that their next ones publish at once. */
async function knownCommenter(page: Page, browser: Browser) {
  const author = { name: unique('Known'), email: `${unique('known').replace(/\W/g, '')}@example.com` };
  const body = unique('First comment from a known reader');
  await page.goto(post);
  await fillComment(page, { ...author, body });
  await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Your comment is awaiting moderation')).toBeVisible();
  await approveInAdmin(browser, body);
  await expectOnPost(page, body);
  return { author, body };
}

/** A known commenter replies to their own approved comment; the reply shows nested under it at once. */
async function replyAsKnownCommenter(page: Page, browser: Browser) {
  const { author, body: parentBody } = await knownCommenter(page, browser);
  const parent = page.locator('#comments article').filter({ hasText: parentBody });
  await parent.getByText('Reply', { exact: true }).click();
  const replyForm = parent.getByRole('form', { name: /^Reply to/ });
  const reply = unique('Answering my own question: cedar');
  await fillComment(page, { ...author, body: reply }, replyForm);
  await replyForm.getByRole('button', { name: 'Post reply' }).click();
  await expect(page.getByText('Thank you! Your comment is published.')).toBeVisible();
  const parentItem = page.locator('#comments li').filter({ has: page.locator('article').filter({ hasText: parentBody }) });
  await expect(parentItem.locator('ol article').filter({ hasText: reply })).toBeVisible();
}

test.beforeEach(async ({ page }) => asNewClient(page));

test('with JavaScript, a first comment waits for moderation without reloading, and the blogger approves it onto the page', async ({ page, browser }) => {
  await page.goto(post);
  await page.evaluate(() => Object.assign(window, { stayedOnPage: true }));
  const body = unique('Lovely sketch, what wood is the frame?');
  await fillComment(page, { name: 'Ada Reader', email: 'ada.reader@example.com', website: 'https://ada.example/', body });
  await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Thank you! Your comment is awaiting moderation.')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Your comment' })).toContainText(body);
  expect(await page.evaluate(() => 'stayedOnPage' in window)).toBe(true);
  await expect(mainForm(page).getByLabel(/^Comment/), 'the form is ready for another comment').toHaveValue('');

  await approveInAdmin(browser, body);
  await expectOnPost(page, body);
  const comment = page.locator('#comments article').filter({ hasText: body });
  const permalink = comment.getByRole('link', { name: /UTC/ });
  const id = await comment.getAttribute('id');
  expect(id).toMatch(/^comment-\d+$/);
  await expect(permalink).toHaveAttribute('href', `#${id}`);
  await expect(comment.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(comment.getByRole('link', { name: 'Ada Reader' })).toHaveAttribute('rel', 'nofollow ugc noopener');
  await expect(comment).not.toContainText('ada.reader@example.com');
  await expect(page.locator('.byline').getByRole('link', { name: /\d+ comments?/ })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: /\d+ comments?/ }).first()).toBeVisible();
});

test('with JavaScript, a known commenter’s reply is published at once, nested under its parent', async ({ page, browser }) => {
  await replyAsKnownCommenter(page, browser);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a comment is posted with a plain form post, and the post page says it awaits moderation', async ({ page }) => {
    await page.goto(post);
    const body = unique('Posted without any script');
    await fillComment(page, { name: 'Plain Reader', body });
    await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
    await expect(page).toHaveURL(new RegExp(`${post}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sketching a garden shed before building it');
    await expect(page.getByText('Thank you! Your comment is awaiting moderation.')).toBeVisible();
    await expect(page.getByRole('article', { name: 'Your comment' })).toContainText(body);
  });

  test('the author can edit and then delete their comment from the page that answers the post', async ({ page }) => {
    await postEditAndDelete(page);
  });

  test('a reply is published and shown in the page that answers the post', async ({ page, browser }) => {
    await replyAsKnownCommenter(page, browser);
  });

  test('a validation error is shown beside the field and keeps what was typed', async ({ page }) => {
    await page.goto(post);
    const body = unique('Please keep this text');
    await fillComment(page, { name: 'Plain Reader', website: 'ftp://files.example', body });
    await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
    const form = mainForm(page);
    await expect(form.getByText('Give a web address starting with http:// or https://.')).toBeVisible();
    await expect(form.getByLabel(/^Website/)).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel(/^Comment/)).toHaveValue(body);
    await expect(form.getByLabel('Name')).toHaveValue('Plain Reader');
  });
});

test('with JavaScript, a validation error shows inline and keeps the text', async ({ page }) => {
  await page.goto(post);
  const body = unique('Still here after the error');
  await fillComment(page, { name: 'Quick Reader', website: 'ftp://files.example', body });
  await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(mainForm(page).getByText('Give a web address starting with http:// or https://.')).toBeVisible();
  await expect(mainForm(page).getByLabel(/^Comment/)).toHaveValue(body);
});

test('a filled honeypot looks accepted but the comment never reaches the moderation queue', async ({ page, browser }) => {
  await page.goto(post);
  const body = unique('Cheap watches');
  await fillComment(page, { name: 'Bot', body });
  await mainForm(page).locator('input[name="homepage"]').fill('https://spam.example', { force: true });
  await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Thank you! Your comment is awaiting moderation.')).toBeVisible();

  const { admin, context } = await signInToAdmin(browser);
  await expect(admin.getByRole('heading', { name: /Waiting for moderation/ })).toBeVisible();
  await expect(admin.getByText(body)).toHaveCount(0);
  await context.close();
});

test('the sixth comment within ten minutes is refused with the time to wait', async ({ page }) => {
  for (let index = 1; index <= 5; index += 1) {
    await page.goto(post);
    await fillComment(page, { name: 'Chatty Reader', body: unique(`Comment number ${index}`) });
    await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByText('Thank you!')).toBeVisible();
  }
  await page.goto(post);
  const body = unique('One too many');
  await fillComment(page, { name: 'Chatty Reader', body });
  await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText(/Too many comments/)).toHaveText('Too many comments — please try again in 10 minutes.');
  await expect(mainForm(page).getByLabel(/^Comment/)).toHaveValue(body);
});

test('with JavaScript, the author can edit and then delete their comment right after posting it', async ({ page }) => {
  await postEditAndDelete(page);
});

test('script, event-handler and javascript: payloads are shown as inert text', async ({ page, browser }) => {
  const { author } = await knownCommenter(page, browser);
  const marker = unique('payload');
  const body = `${marker} <script>window.pwned = 1</script> <img src="x" onerror="window.pwned = 2"> [click me](javascript:window.pwned=3)`;
  await page.goto(post);
  await fillComment(page, { ...author, body });
  await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Thank you! Your comment is published.')).toBeVisible();
  await expectOnPost(page, marker);
  const comment = page.locator('#comments article').filter({ hasText: marker });
  await expect(comment).toContainText('<script>window.pwned = 1</script>');
  await expect(comment).toContainText('<img src="x" onerror="window.pwned = 2">');
  await expect(comment.locator('script, img, [onerror]')).toHaveCount(0);
  await expect(comment.getByRole('link', { name: 'click me' })).toHaveCount(0);
  await comment.getByText('click me').click();
  expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
});

/** The entries of an Atom feed whose content holds `text`, and the feed as served. */
async function feedEntriesWith(request: APIRequestContext, path: string, text: string) {
  const response = await request.get(path);
  expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await response.text();
  return { xml, entries: (parseAtomFeed(xml).entries ?? []).filter((entry) => entry.content?.value?.includes(text)) };
}

/** A reply shown nested under the comment it answers, on the post page as readers get it. */
function replyUnder(page: Page, parentBody: string, reply: string) {
  const parentItem = page.locator('#comments li').filter({ has: page.locator('article').filter({ hasText: parentBody }) });
  return parentItem.locator('ol article').filter({ hasText: reply });
}

test('an approved comment reaches the post’s comment feed and the blog’s, both linked from the post', async ({ page, browser, request }) => {
  const feedPath = `${post}/comments.xml`;
  await page.goto(post);
  await expect(page.locator(`head link[rel="alternate"][type="application/atom+xml"][href$="${feedPath}"]`)).toHaveCount(1);
  await expect(page.locator('#comments').getByRole('link', { name: 'comments on this post' })).toHaveAttribute('href', feedPath);
  await expect(page.locator('#comments').getByRole('link', { name: 'all comments' })).toHaveAttribute('href', '/comments.xml');

  const body = unique('Subscribed to this *thread*');
  await fillComment(page, { name: 'Feed Reader', email: 'feed.reader@example.com', body });
  await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Thank you! Your comment is awaiting moderation.')).toBeVisible();
  const marker = body.replace('*thread*', '<em>thread</em>');
  expect((await feedEntriesWith(request, feedPath, marker)).entries, 'a held comment is in no feed').toEqual([]);

  await approveInAdmin(browser, body);
  for (const path of [feedPath, '/comments.xml']) {
    await expect.poll(async () => (await feedEntriesWith(request, path, marker)).entries.length, { timeout: 20_000 }).toBe(1);
    const { xml, entries } = await feedEntriesWith(request, path, marker);
    expect(entries[0]?.authors).toEqual([{ name: 'Feed Reader' }]);
    expect(entries[0]?.links?.[0]?.href).toMatch(new RegExp(`${post}#comment-\\d+$`));
    expect(xml).not.toContain('feed.reader@example.com');
  }
  expect((await request.get('/blog/no-such-post/comments.xml')).status()).toBe(404);
});

test('a reader cannot comment under the blog author’s name', async ({ page }) => {
  await page.goto(post);
  const body = unique('Trust me, I write this blog');
  await fillComment(page, { name: ` ${siteConfig.author.name.toUpperCase().replace(' ', '  ')} `, body });
  await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(mainForm(page).getByText(`Only the author of this blog can comment as ${siteConfig.author.name}. Please use another name.`)).toBeVisible();
  await expect(mainForm(page).getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(mainForm(page).getByLabel(/^Comment/)).toHaveValue(body);
});

test('the blogger answers a held comment from /admin: both are published, the answer labelled as the author’s', async ({ page, browser }) => {
  await page.goto(post);
  const body = unique('Which screws hold up outdoors?');
  await fillComment(page, { name: 'Curious Reader', body });
  await mainForm(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Thank you! Your comment is awaiting moderation.')).toBeVisible();

  const { admin, context } = await signInToAdmin(browser);
  const held = admin.getByRole('region', { name: /Waiting for moderation/ }).getByRole('article').filter({ hasText: body });
  await held.getByText('Approve and reply', { exact: true }).click();
  const reply = unique('Stainless steel ones, always.');
  await held.getByLabel('Your reply').fill(reply);
  await held.getByRole('button', { name: 'Approve and post reply' }).click();
  await expect(held).toHaveCount(0);
  const published = admin.getByRole('region', { name: 'Recently published' }).getByRole('article').filter({ hasText: reply });
  await expect(published.getByText('Author', { exact: true })).toBeVisible();
  await context.close();

  await expectOnPost(page, reply);
  const answer = replyUnder(page, body, reply);
  await expect(answer.getByText(siteConfig.author.name, { exact: true })).toBeVisible();
  await expect(answer.getByText('Author', { exact: true })).toBeVisible();
  await expect(page.locator('#comments article').filter({ hasText: body }).first().getByText('Author', { exact: true })).toHaveCount(0);
});

test('signed in, the blogger replies from the post page itself, published at once as the author’s', async ({ page, browser }) => {
  const { body: parentBody } = await knownCommenter(page, browser);
  const { admin, context } = await signInToAdmin(browser);
  await admin.goto(post);
  const parent = admin.locator('#comments article').filter({ hasText: parentBody });
  await parent.getByText('Reply', { exact: true }).click();
  const replyForm = parent.getByRole('form', { name: /^Reply to/ });
  const reply = unique('Glad the sketch helped');
  await fillComment(admin, { name: siteConfig.author.name, body: reply }, replyForm);
  await replyForm.getByRole('button', { name: 'Post reply' }).click();
  await expect(admin.getByText('Your comment is published as the author’s.')).toBeVisible();
  await context.close();

  await expectOnPost(page, reply);
  await expect(replyUnder(page, parentBody, reply).getByText('Author', { exact: true })).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { imageSize } from 'image-size';

const longPost = '/blog/a-year-of-plain-text-notes';

test('the home page lists the published posts newest first, and no drafts', async ({ page }) => {
  await page.goto('/');
  const titles = page.getByRole('main').getByRole('heading', { level: 3 });
  await expect(titles).toHaveText([
    'Building the shed: cladding, a window and a door that closes',
    'Building the shed: framing the walls',
    'Building the shed: a level base',
    'Sketching a garden shed before building it',
    'Highlighting code at build time',
    'A year of plain-text notes',
  ]);
  await expect(page.getByText('Notes on the shed roof')).toHaveCount(0);
});

test('a post shows its byline, table of contents, tags and neighbours', async ({ page }) => {
  await page.goto(longPost);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A year of plain-text notes');
  const byline = page.locator('.byline');
  await expect(byline).toContainText("October 3, 2022 on Ada's blog");
  await expect(byline.locator('time').first()).toHaveAttribute('datetime', '2022-10-03');
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await expect(contents.getByRole('link')).toHaveCount(9);
  // Subsections are numbered within their section, not counted among the sections.
  await expect(contents.locator(':scope > ol > li')).toHaveCount(6);
  await expect(contents.locator('ol ol').first().getByRole('link')).toHaveText(['What the folder looked like after a month']);
  await expect(page.getByRole('link', { name: 'writing' })).toHaveAttribute('href', '/tags/writing');
  await expect(page.getByRole('link', { name: /Next Highlighting code at build time/ })).toBeVisible();
});

test('a footnote reference moves to its note, and the back-link returns to the reference', async ({ page }) => {
  await page.goto(longPost);
  await page.getByRole('link', { name: '1', exact: true }).click();
  await expect(page).toHaveURL(/#user-content-fn-export$/);
  const note = page.locator('#user-content-fn-export');
  await expect(note).toBeInViewport();
  await note.getByRole('link', { name: /Back to reference/ }).click();
  await expect(page).toHaveURL(/#user-content-fnref-export$/);
  await expect(page.locator('#user-content-fnref-export')).toBeInViewport();
});

test('code is highlighted in the HTML itself, with no highlighter shipped to the browser', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push(await response.text());
  });
  await page.goto('/blog/highlighting-code-at-build-time');
  const keyword = page.locator('pre code span[style*="--shiki-light"]').first();
  await expect(keyword).toBeVisible();
  expect(scripts.join('\n')).not.toMatch(/shiki|textmate|mdx-bundler/i);
});

test('images, figures and callouts render with their captions and reserved sizes', async ({ page }) => {
  await page.goto('/blog/sketching-a-garden-shed');
  const sketch = page.getByRole('img', { name: /line drawing of a shed/ });
  await expect(sketch).toHaveAttribute('width', '640');
  await expect(sketch).toHaveAttribute('height', '400');
  await expect(page.locator('figure figcaption')).toHaveText(/The floor plan after the fixes/);
  await page.goto('/blog/highlighting-code-at-build-time');
  await expect(page.getByRole('complementary', { name: 'The short version' })).toBeVisible();
});

test('tags, archive and unknown pages', async ({ page }) => {
  await page.goto('/tags');
  await page.getByRole('link', { name: 'tools' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts tagged “tools”');
  await expect(page.getByRole('main').getByRole('link')).toHaveCount(2);

  await page.goto('/archive');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['2024', '2023', '2022']);

  const response = await page.goto('/blog/no-such-post');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('a post reads the same: body, footnotes, highlighted code and navigation', async ({ page }) => {
    await page.goto(longPost);
    await expect(page.locator('.byline')).toContainText("October 3, 2022 on Ada's blog");
    await expect(page.getByRole('heading', { name: 'What did not' })).toBeVisible();
    await expect(page.locator('table')).toBeVisible();
    await page.getByRole('link', { name: '2', exact: true }).click();
    await expect(page.locator('#user-content-fn-sync')).toBeInViewport();
    await page.getByRole('link', { name: 'Archive' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archive');
  });
});

for (const [device, viewport] of [
  ['phone', { width: 375, height: 812 }],
  ['desktop', { width: 1280, height: 900 }],
] as const) {
  test(`a post fits the screen on a ${device}, in light and dark`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(longPost);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `tests/output/screenshots/post-${device}-${colorScheme}.png`, fullPage: true });
    }
  });
}

test('every page has the blog’s icons and loads without a console error or a request for what does not exist', async ({ page, request }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  for (const path of ['/', longPost, '/archive', '/tags']) {
    await page.goto(path, { waitUntil: 'networkidle' });
    await page.getByRole('contentinfo').scrollIntoViewIfNeeded();
  }
  expect(problems).toEqual([]);
  for (const [rel, size] of [['icon', 32], ['apple-touch-icon', 180]] as const) {
    const href = await page.locator(`head link[rel="${rel}"]`).getAttribute('href');
    const icon = await request.get(href ?? '');
    expect(icon.headers()['content-type']).toBe('image/png');
    expect(imageSize(await icon.body())).toMatchObject({ width: size, height: size });
  }
});

test('a reader of one post prefetches neighbouring posts, not the pages that list every post', async ({ page }) => {
  const prefetched: string[] = [];
  // Read synchronously: an awaited read could still be pending when the test ends, and fail it.
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) prefetched.push(new URL(request.url()).pathname);
  });
  await page.goto(longPost, { waitUntil: 'networkidle' });
  // The reader reaches the end of the post, where the tags, neighbours and comments are.
  await page.getByRole('navigation', { name: 'More posts' }).scrollIntoViewIfNeeded();
  await page.getByRole('heading', { name: /comments/i }).first().scrollIntoViewIfNeeded();
  await expect.poll(() => prefetched).toContain('/blog/highlighting-code-at-build-time');
  expect(prefetched.filter((path) => !path.startsWith('/blog/'))).toEqual([]);
});

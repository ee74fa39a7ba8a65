import AxeBuilder from '@axe-core/playwright';
import { extractFromXml } from '@extractus/feed-extractor';
import { expect, test } from '@playwright/test';
import siteConfig from '@/site.config';

const parts = ['Building the shed: a level base', 'Building the shed: framing the walls', 'Building the shed: cladding, a window and a door that closes'];

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('a post in a series says which part it is, lists every part and leads to the parts either side', async ({ page }) => {
    await page.goto('/blog/building-the-shed-framing-the-walls');
    const box = page.getByRole('navigation', { name: 'Part 2 of 3 in Building the shed' });
    await expect(box.getByRole('listitem')).toHaveText(parts);
    await expect(box.locator('[aria-current="page"]')).toHaveText(parts[1]!);
    await expect(box.getByRole('listitem').nth(1).getByRole('link')).toHaveCount(0);
    await expect(page.getByText('Notes on the shed roof')).toHaveCount(0);
    await box.getByRole('link', { name: `Next part ${parts[2]}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(parts[2]!);
    const last = page.getByRole('navigation', { name: 'Part 3 of 3 in Building the shed' });
    await expect(last.getByRole('link', { name: /^Next part/ })).toHaveCount(0);
    await last.getByRole('link', { name: `Previous part ${parts[1]}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(parts[1]!);
    await page.getByRole('navigation', { name: /Part 2 of 3/ }).getByRole('link', { name: 'Building the shed', exact: true }).click();
    await expect(page).toHaveURL(/\/series\/building-the-shed$/);
  });

  test('/series lists each series, and a series page its published parts in reading order', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Series' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Series');
    await expect(page.getByRole('main').getByRole('listitem')).toHaveText(['Building the shed (3 parts)']);
    await page.getByRole('link', { name: 'Building the shed' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Building the shed');
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(parts);
  });

  test('a post in no series has no series box', async ({ page }) => {
    await page.goto('/blog/sketching-a-garden-shed');
    await expect(page.getByRole('navigation', { name: /^Part / })).toHaveCount(0);
  });
});

test('a series has its feed, announced on its page, and the sitemap lists the series pages', async ({ page, request }) => {
  const origin = new URL(siteConfig.url).origin;
  await page.goto('/series/building-the-shed');
  await expect(page.locator(`head link[rel="alternate"][href="${origin}/series/building-the-shed/feed.xml"]`)).toHaveAttribute('type', 'application/rss+xml');
  const feed = extractFromXml(await (await request.get('/series/building-the-shed/feed.xml')).text());
  expect(feed.title).toBe(`${siteConfig.title}: the series “Building the shed”`);
  expect((feed.entries ?? []).map((entry) => entry.title)).toEqual([...parts].reverse());
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`<loc>${origin}/series</loc>`);
  expect(sitemap).toContain(`<loc>${origin}/series/building-the-shed</loc>`);
});

test('a post in a series has no accessibility violations', async ({ page }) => {
  await page.goto('/blog/building-the-shed-framing-the-walls');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
});

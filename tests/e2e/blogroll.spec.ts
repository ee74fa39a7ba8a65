import { expect, test } from '@playwright/test';

// The e2e build follows no blogs (the default configuration); the deployment build of
// tests/integration/deploy/instances.test.ts follows fixture feeds and checks the box on the posts.
test('with no blogs followed, posts end without a blogroll box and /blogroll says so', async ({ page, request }) => {
  await page.goto('/blog/a-year-of-plain-text-notes');
  await expect(page.getByRole('navigation', { name: 'More posts' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Articles from blogs I read' })).toHaveCount(0);

  await page.goto('/blogroll');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blogs I read');
  await expect(page.getByText('Ada Example follows no blogs here yet.')).toBeVisible();
  expect((await request.get('/blogroll.opml')).status()).toBe(404);
});

import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { holdNextTypeFiles } from '@/scripts/lib/side-build';
import { removeBuild, startDevServer } from './support/folio-server';
import type { RunningServer } from '@/tests/support/server-process';

// One `next dev` for the whole file, editing its own copy of the posts.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let server: RunningServer;
let posts: string;
let restoreTypeFiles: (() => Promise<void>) | undefined;
const distDir = `.next-live-${process.pid}`;
const postFile = () => path.join(posts, 'a-year-of-plain-text-notes.mdx');
const postPath = '/blog/a-year-of-plain-text-notes';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const content = await mkdtemp(path.join(tmpdir(), 'folio-live-'));
  posts = path.join(content, 'posts');
  await cp('content/posts', posts, { recursive: true });
  // next dev registers its dist folder in tsconfig.json; the project's own files must stay as they are.
  restoreTypeFiles = await holdNextTypeFiles(process.cwd());
  server = await startDevServer(distDir, posts);
  // The first request to each page compiles it; the tests time what comes after.
  for (const page of [postPath, '/', '/api/dev/live']) {
    const response = await fetch(`${server.url}${page}`);
    await response.body?.cancel();
  }
});

test.afterAll(async () => {
  await server?.stop();
  await restoreTypeFiles?.();
  await removeBuild(distDir);
  if (posts) await rm(path.dirname(posts), { recursive: true, force: true });
});

/** A mark that a full reload would wipe out: the page must change under it. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { folioMark: boolean }).folioMark = true));
}
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { folioMark?: boolean }).folioMark === true);

async function openLive(page: Page, pagePath: string) {
  const connected = page.waitForResponse((response) => response.url().endsWith('/api/dev/live'));
  await page.goto(`${server.url}${pagePath}`);
  await connected;
  await markPage(page);
}

async function edit(file: string, change: (source: string) => string) {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

test('saving a post updates the open page, without reloading it', async ({ page }) => {
  await openLive(page, postPath);
  const saved = Date.now();
  await edit(postFile(), (source) => source.replace('Last October I deleted', 'Last October I gladly deleted'));
  await expect(page.getByText('Last October I gladly deleted')).toBeVisible({ timeout: 30_000 });
  test.info().annotations.push({ type: 'save to screen', description: `${Date.now() - saved} ms` });
  expect(await stillMarked(page)).toBe(true);
});

test('a post that stops compiling says where, and the message goes when it is fixed', async ({ page }) => {
  await openLive(page, postPath);
  const before = await readFile(postFile(), 'utf8');
  await edit(postFile(), (source) => source.replace('## Why I left the app', '## Why I left the app\n\n<Callout type="tip">never closed'));
  const alert = page.getByRole('alert').filter({ hasText: 'does not compile' });
  await expect(alert).toContainText(/a-year-of-plain-text-notes\.mdx:\d+:\d+: /, { timeout: 30_000 });
  await writeFile(postFile(), before.replace('## Why I left the app', '## Why I left it'));
  await expect(alert).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Why I left it' })).toBeVisible({ timeout: 30_000 });
  expect(await stillMarked(page)).toBe(true);
});

test('adding and deleting a post updates the open home page', async ({ page }) => {
  await openLive(page, '/');
  const added = path.join(posts, 'fresh-from-the-editor.mdx');
  await writeFile(added, '---\ntitle: Fresh from the editor\ndate: 2030-01-01\n---\n\nJust written.\n');
  const listed = page.getByRole('main').getByRole('link', { name: 'Fresh from the editor' });
  await expect(listed).toBeVisible({ timeout: 30_000 });
  await unlink(added);
  await expect(listed).toHaveCount(0, { timeout: 30_000 });
  expect(await stillMarked(page)).toBe(true);
});

test('a new post opens from the home page at once, and saving a component it imports updates it', async ({ page }) => {
  await openLive(page, '/');
  const component = path.join(posts, 'plant-list.tsx');
  await writeFile(component, 'export function PlantList() { return <p>Tomatoes and beans</p>; }\n');
  await writeFile(
    path.join(posts, 'what-grows-here.mdx'),
    "---\ntitle: What grows here\ndate: 2029-05-01\n---\n\nimport { PlantList } from './plant-list'\n\n<PlantList />\n",
  );
  await page.getByRole('main').getByRole('link', { name: 'What grows here' }).click({ timeout: 30_000 });
  await expect(page.getByText('Tomatoes and beans')).toBeVisible();
  await writeFile(component, 'export function PlantList() { return <p>Tomatoes, beans and squash</p>; }\n');
  await expect(page.getByText('Tomatoes, beans and squash')).toBeVisible({ timeout: 30_000 });
  expect(await stillMarked(page)).toBe(true);
});

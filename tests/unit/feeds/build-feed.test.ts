import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import siteConfig from '@/site.config';

let root: string;
const postCount = siteConfig.feedPosts + 5;
// Day n of January 2024, so that post n is newer than post n - 1.
const slugOf = (n: number) => `post-${String(n).padStart(2, '0')}`;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'folio-feeds-'));
  await mkdir(path.join(root, 'posts'));
  vi.stubEnv('FOLIO_CONTENT_DIR', path.join(root, 'posts'));
  vi.stubEnv('FOLIO_CACHE_DIR', path.join(root, 'cache'));
  for (let n = 1; n <= postCount; n++) {
    const date = `2024-01-${String(n).padStart(2, '0')}`;
    await writeFile(path.join(root, 'posts', `${slugOf(n)}.mdx`), `---\ntitle: Post ${n}\ndate: ${date}\ntags: [notes]\n---\n\nBody of post ${n}.\n`);
  }
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

describe('feeds', () => {
  // It compiles every post, more than a feed holds: on a loaded machine that outlasts the default timeout.
  it('carry the newest posts in full, not every post ever written', { timeout: 30_000 }, async () => {
    const { getSiteFeed, getTagFeed } = await import('@/lib/feeds/build-feed');
    const newestFirst = Array.from({ length: siteConfig.feedPosts }, (_, index) => `Post ${postCount - index}`);
    for (const feed of [await getSiteFeed(), await getTagFeed('notes')]) {
      expect(feed?.items.map((item) => item.title)).toEqual(newestFirst);
      expect(feed?.items[0]?.content).toContain(`Body of post ${postCount}.`);
    }
  });
});

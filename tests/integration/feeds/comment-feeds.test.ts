import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateDatabase } from '@/db/migrate.mjs';
import type { Comment, CommentStore, NewComment } from '@/lib/comments/comment-store';
import { renderCommentBody } from '@/lib/comments/markdown';
import { createCommentStore } from '@/lib/comments/store';
import { getPostCommentFeed, getSiteCommentFeed } from '@/lib/feeds/comment-feeds';
import { atomResponse } from '@/lib/feeds/responses';
import { absoluteUrl } from '@/lib/share/urls';
import siteConfig from '@/site.config';

let root: string;
let store: CommentStore;
const minute = 60_000;
const at = (minutes: number) => new Date(Date.parse('2026-03-01T12:00:00Z') + minutes * minute);

function draft(overrides: Partial<NewComment> = {}): NewComment {
  return {
    postSlug: 'first-post',
    parentId: null,
    authorName: 'Grace',
    authorEmail: 'grace@example.com',
    authorUrl: 'https://grace.example/',
    authorKey: 'author-grace',
    body: 'Hello',
    status: 'approved',
    ipHash: 'ip-1',
    createdAt: at(0),
    ...overrides,
  };
}

/** The feed as a feed reader receives it: the route's response, parsed as Atom. */
async function readAtom(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const xml = await response.text();
  return { xml, feed: parseAtomFeed(xml) };
}

const comments: Record<string, Comment> = {};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'folio-comment-feeds-'));
  await mkdir(path.join(root, 'posts'));
  for (const [slug, title, date] of [
    ['first-post', 'First <post> & more', '2024-01-01'],
    ['second-post', 'Second post', '2024-01-02'],
  ]) {
    await writeFile(path.join(root, 'posts', `${slug}.mdx`), `---\ntitle: "${title}"\ndate: ${date}\n---\n\nBody.\n`);
  }
  const file = path.join(root, 'comments.sqlite');
  vi.stubEnv('FOLIO_CONTENT_DIR', path.join(root, 'posts'));
  vi.stubEnv('FOLIO_CACHE_DIR', path.join(root, 'cache'));
  vi.stubEnv('DATABASE_URL', `file:${file}`);
  await migrateDatabase({ engine: 'sqlite', file });
  store = createCommentStore({ engine: 'sqlite', file });

  comments.oldest = await store.addComment(draft({ body: 'First *thoughts* with <script>alert(1)</script> and [a link](javascript:alert(1))', createdAt: at(1) }));
  comments.edited = await store.addComment(draft({ authorName: 'Bo', authorEmail: 'bo@example.com', authorUrl: null, body: 'Second', createdAt: at(2) }));
  await store.editBody(comments.edited.id, 'Second, *edited*', at(30));
  comments.byAuthor = await store.addComment(
    draft({ parentId: comments.oldest.id, authorName: siteConfig.author.name, authorEmail: null, authorUrl: siteConfig.author.url, body: 'Thanks!', byAuthor: true, createdAt: at(3) }),
  );
  comments.unxmlable = await store.addComment(draft({ authorName: 'Odd\uFFFFname', body: 'Odd \uFFFE text', createdAt: at(4) }));
  await store.addComment(draft({ body: 'Held for moderation', status: 'pending', createdAt: at(5) }));
  await store.addComment(draft({ body: 'Spam', status: 'spam', createdAt: at(6) }));
  await store.addComment(draft({ postSlug: 'deleted-post', body: 'On a post that is gone', createdAt: at(7) }));
  for (let index = 0; index < 60; index += 1) {
    await store.addComment(draft({ postSlug: 'second-post', authorName: `Reader ${index}`, body: `Busy thread ${index}`, createdAt: at(100 + index) }));
  }
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await store?.close();
  await rm(root, { recursive: true, force: true });
});

describe('a post’s comment feed', () => {
  it('is Atom with the post’s approved comments, newest first, each linking to its place on the page', async () => {
    const feed = await getPostCommentFeed('first-post');
    if (!feed) throw new Error('no feed for first-post');
    const { xml, feed: atom } = await readAtom(atomResponse(feed));

    expect(atom.title?.value).toBe('Comments on “First <post> & more”');
    expect(atom.id).toBe(absoluteUrl('/blog/first-post/comments.xml'));
    expect(atom.links).toEqual(expect.arrayContaining([{ rel: 'self', href: absoluteUrl('/blog/first-post/comments.xml') }]));
    const newestFirst = [comments.unxmlable, comments.byAuthor, comments.edited, comments.oldest].map((comment) => comment!.id);
    expect(atom.entries?.map((entry) => entry.id)).toEqual(newestFirst.map((id) => absoluteUrl(`/blog/first-post#comment-${id}`)));
    expect(atom.entries?.map((entry) => entry.links?.[0]?.href)).toEqual(newestFirst.map((id) => absoluteUrl(`/blog/first-post#comment-${id}`)));
    expect(xml).not.toMatch(/Held for moderation|Spam|Busy thread/);
    expect(atom.updated).toBe(at(30).toISOString());

    const [, author, edited, oldest] = atom.entries ?? [];
    expect(oldest?.title).toEqual({ value: 'Grace on “First <post> & more”', type: 'text' });
    expect(oldest?.authors).toEqual([{ name: 'Grace', uri: 'https://grace.example/' }]);
    expect(oldest?.published).toBe(at(1).toISOString());
    expect(author?.authors).toEqual([{ name: siteConfig.author.name, uri: siteConfig.author.url }]);
    expect(edited?.authors).toEqual([{ name: 'Bo' }]);
    expect(edited?.updated).toBe(at(30).toISOString());
  });

  it('carries each body as the page shows it: sanitised HTML, never a commenter’s email', async () => {
    const { xml, feed } = await readAtom(atomResponse((await getPostCommentFeed('first-post'))!));
    const contents = new Map(feed.entries?.map((entry) => [entry.id, entry.content]));
    const oldest = contents.get(absoluteUrl(`/blog/first-post#comment-${comments.oldest!.id}`));
    expect(oldest).toEqual({ type: 'html', value: renderCommentBody(comments.oldest!.body).html });
    expect(oldest?.value).toContain('<em>thoughts</em>');
    expect(oldest?.value).not.toMatch(/<script|javascript:/);
    expect(contents.get(absoluteUrl(`/blog/first-post#comment-${comments.edited!.id}`))?.value).toBe('<p>Second, <em>edited</em></p>');
    expect(xml).not.toMatch(/@example\.com/);
  });

  it('stays readable XML when a comment holds a character XML cannot carry', async () => {
    const { xml, feed } = await readAtom(atomResponse((await getPostCommentFeed('first-post'))!));
    expect(xml).not.toMatch(/[\uFFFE\uFFFF]/);
    expect(feed.entries?.[0]?.authors).toEqual([{ name: 'Odd\uFFFDname', uri: 'https://grace.example/' }]);
  });

  it('does not exist for a slug that is no post', async () => {
    expect(await getPostCommentFeed('deleted-post')).toBeUndefined();
  });
});

describe('the blog’s comment feed', () => {
  it('holds the latest 50 approved comments across posts, newest first, with the post each is on', async () => {
    const { feed } = await readAtom(atomResponse(await getSiteCommentFeed()));
    expect(feed.title?.value).toBe(`${siteConfig.title}: latest comments`);
    expect(feed.id).toBe(absoluteUrl('/comments.xml'));
    expect(feed.entries).toHaveLength(50);
    expect(feed.entries?.map((entry) => entry.title?.value)).toEqual(Array.from({ length: 50 }, (_, index) => `Reader ${59 - index} on “Second post”`));
  });
});

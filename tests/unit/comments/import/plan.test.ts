import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readerAuthorKey } from '@/lib/comments/author-key';
import type { SourceComment } from '@/lib/comments/backup';
import type { CommentsExport, ExportedComment } from '@/lib/comments/import/exported-comments';
import { planImportFile } from '@/lib/comments/import/load';
import { formatImportSummary, planExportImport } from '@/lib/comments/import/plan';
import { hashIdentity } from '@/lib/security/signing';

const postSlugs = new Set(['plain-text-notes', 'garden-shed', 'code-at-build-time']);
const planFixture = (name: string) => planImportFile(path.resolve('tests/fixtures/import', name), { postSlugs });
const byId = (comments: SourceComment[]) => new Map(comments.map((comment) => [comment.sourceId, comment]));

describe('the summary printed before an import', () => {
  it.each([
    [
      'disqus.xml',
      [
        'Disqus export: 9 comments for 3 posts.',
        '  code-at-build-time: 1 approved',
        '  garden-shed: 1 approved, 1 pending',
        '  plain-text-notes: 5 approved, 1 spam',
        'Deleted comments (or left with no text once converted): 1 skipped, as no published reply answers them; 1 kept as "[deleted]" by "deleted", published, so that the replies below stay in their thread.',
        "Not imported, as no post has their slug (the last part of the link, or WordPress's post name): 1 thread",
        '  https://old.example.org/about/ ("About me"): 2 comments',
      ],
    ],
    [
      'wordpress.xml',
      [
        'WordPress export: 8 comments for 2 posts.',
        '  garden-shed: 1 approved, 1 pending',
        '  plain-text-notes: 5 approved, 1 spam',
        'Deleted comments (or left with no text once converted): 0 skipped, as no published reply answers them; 1 kept as "[deleted]" by "deleted", published, so that the replies below stay in their thread.',
        'Pingbacks and trackbacks: 1 skipped.',
        "Not imported, as no post has their slug (the last part of the link, or WordPress's post name): 1 thread",
        '  https://old.example.org/about/ ("About me"): 1 comment',
      ],
    ],
  ])('of %s counts comments per post and state, deleted ones, skipped pingbacks and lists the threads no post matches', async (file, summary) => {
    expect(formatImportSummary(await planFixture(file))).toEqual(summary);
  });
});

describe('importing the Disqus export', () => {
  it('keeps authors, dates, states and threading, parents before replies', async () => {
    const { comments } = await planFixture('disqus.xml');
    const comment = byId(comments);
    expect(comment.get('9001')).toMatchObject({
      postSlug: 'plain-text-notes',
      parentSourceId: null,
      authorName: 'Grace Hopper',
      authorEmail: 'grace@example.com',
      status: 'approved',
      createdAt: new Date('2022-10-04T10:15:00Z'),
      body: 'Lovely piece — I tried [plain-text notes](https://example.org/notes?a=1\\&b=2 "https://example.org/notes?a=1\\&b=2") too & never looked back.\n\nOne question: do you use \\*folders\\* or \\[tags]?',
    });
    expect(comment.get('9002')).toMatchObject({ parentSourceId: '9001', authorName: 'Юлия Смирнова', authorEmail: null });
    expect(comment.get('9003')).toMatchObject({ parentSourceId: '9002', body: 'Спасибо! Same here.\\\nTwo lines.' });
    expect(comment.get('9004')).toMatchObject({ status: 'spam' });
    expect(comment.get('9008')).toMatchObject({ postSlug: 'garden-shed', status: 'pending', authorName: 'كريم' });
    expect(comment.get('9012')).toMatchObject({ postSlug: 'code-at-build-time', body: 'Does shiki handle `<pre>` blocks inside MDX?\n\n```\nconst x = 1 < 2;\n```' });
    const order = comments.map((c) => c.sourceId);
    for (const reply of comments.filter((c) => c.parentSourceId)) expect(order.indexOf(reply.parentSourceId!)).toBeLessThan(order.indexOf(reply.sourceId));
  });

  it('keeps a deleted comment that has a reply as a placeholder without its text or author, and drops one without', async () => {
    const comment = byId((await planFixture('disqus.xml')).comments);
    expect(comment.get('9005')).toMatchObject({ authorName: 'deleted', authorEmail: null, body: '[deleted]', status: 'approved', createdAt: new Date('2022-10-07T18:20:00Z') });
    expect(JSON.stringify(comment.get('9005'))).not.toMatch(/regret/i);
    expect(comment.get('9006')).toMatchObject({ parentSourceId: '9005', body: 'I still think you had a point.' });
    expect(comment.has('9007')).toBe(false);
    expect(comment.has('9010')).toBe(false);
  });

  it('recognises a commenter as the comment form does, so returning commenters are not held again', async () => {
    const comment = byId((await planFixture('disqus.xml')).comments);
    expect(comment.get('9001')?.authorKey).toBe(readerAuthorKey('Grace Hopper', 'grace@example.com', 'any address'));
    expect(comment.get('9003')?.authorKey).toBe(comment.get('9001')?.authorKey);
    expect(comment.get('9002')?.authorKey).toBe(readerAuthorKey('Юлия Смирнова', null, hashIdentity('ip', '198.51.100.7')));
    expect(comment.get('9002')?.ipHash).toBe(hashIdentity('ip', '198.51.100.7'));
  });
});

describe('importing the WordPress export', () => {
  it('reads WordPress states, UTC dates, paragraphs and websites, keeping only addresses a reader could give', async () => {
    const comment = byId((await planFixture('wordpress.xml')).comments);
    expect(comment.get('101')).toMatchObject({
      authorUrl: 'https://grace.example.org/',
      createdAt: new Date('2022-10-04T10:15:00Z'),
      body: 'Lovely piece — I tried [plain-text notes](https://example.org/notes?a=1\\&b=2) too & never looked back.\\\nSecond line of the same paragraph.\n\nA new paragraph with **bold** and *emphasis*.',
    });
    expect(comment.get('102')).toMatchObject({ parentSourceId: '101', authorUrl: null, authorEmail: null });
    expect(comment.get('104')?.status).toBe('spam');
    expect(comment.get('105')).toMatchObject({ body: '[deleted]', authorName: 'deleted' });
    expect(comment.get('106')?.parentSourceId).toBe('105');
    expect(comment.get('201')).toMatchObject({ status: 'pending', postSlug: 'garden-shed' });
    expect(comment.get('202')?.authorUrl).toBe('https://mallory.example/%22%20onmouseover=%22alert(1)');
    expect(comment.has('107')).toBe(false);
  });
});

describe('planExportImport', () => {
  const base = { threadKey: 't', authorName: 'Reader', authorEmail: '', authorUrl: '', ip: '', createdAt: new Date('2024-01-01T00:00:00Z'), html: '<p>Text</p>' };
  const exported = (comments: Partial<ExportedComment>[]): CommentsExport => ({
    source: 'Test export',
    threads: [{ key: 't', link: '/blog/garden-shed/', title: 'Shed', slugHints: ['/blog/garden-shed/'] }],
    comments: comments.map((comment, index) => ({ ...base, id: String(index + 1), parentId: null, state: 'approved', ...comment })),
    skippedPingbacks: 0,
  });
  const shape = (plan: ReturnType<typeof planExportImport>) => plan.comments.map(({ sourceId, parentSourceId, status, body }) => ({ sourceId, parentSourceId, status, body }));

  it('keeps a chain of deleted comments above a published reply, and drops one whose replies are only held or spam, which then answer what it answered', () => {
    const plan = planExportImport(
      exported([
        { state: 'approved' },
        { parentId: '1', state: 'deleted' },
        { parentId: '2', state: 'deleted' },
        { parentId: '3', state: 'approved', html: '<p>Shown</p>' },
        { parentId: '1', state: 'deleted' },
        { parentId: '5', state: 'spam', html: '<p>Spam</p>' },
        { parentId: '5', state: 'pending', html: '<script>alert(1)</script>' },
      ]),
      postSlugs,
    );
    expect(shape(plan)).toEqual([
      { sourceId: '1', parentSourceId: null, status: 'approved', body: 'Text' },
      { sourceId: '2', parentSourceId: '1', status: 'approved', body: '[deleted]' },
      { sourceId: '3', parentSourceId: '2', status: 'approved', body: '[deleted]' },
      { sourceId: '6', parentSourceId: '1', status: 'spam', body: 'Spam' },
      { sourceId: '4', parentSourceId: '3', status: 'approved', body: 'Shown' },
    ]);
    expect(plan.deleted).toEqual({ skipped: 2, kept: 2 });
  });

  it('imports a reply whose comment is not in the file as a comment of its own, and says so', () => {
    const plan = planExportImport(exported([{ parentId: '99' }]), postSlugs);
    expect(shape(plan)).toEqual([{ sourceId: '1', parentSourceId: null, status: 'approved', body: 'Text' }]);
    expect(formatImportSummary(plan)).toContain('Replies to a comment not in the file: 1, imported as comments of their own.');
  });

  it('lists comments on a thread the file does not describe as unmatched', () => {
    const plan = planExportImport(exported([{ threadKey: 'elsewhere' }]), postSlugs);
    expect(plan.comments).toEqual([]);
    expect(plan.unmatched).toEqual([{ link: 'thread elsewhere, which the file does not describe', title: '', comments: 1 }]);
  });

  it('refuses a file that gives two comments the same id', () => {
    const twice = exported([{}, {}]);
    twice.comments[1]!.id = '1';
    expect(() => planExportImport(twice, postSlugs)).toThrow('Comment 1 appears twice in the file; nothing was imported.');
  });

  it('refuses a comment whose HTML nests too deep to convert, naming it, rather than crashing half-way', () => {
    const html = `${'<blockquote>'.repeat(100_000)}deep${'</blockquote>'.repeat(100_000)}`;
    expect(() => planExportImport(exported([{ html }]), postSlugs)).toThrow(/^The text of comment 1 could not be converted \(.+\); nothing was imported\.$/);
  });

  it('removes characters a database cannot store, and names a nameless commenter', () => {
    const [comment] = planExportImport(exported([{ authorName: ' \u0000 ', html: '<p>Nul\u0000 here</p>' }]), postSlugs).comments;
    expect(comment).toMatchObject({ authorName: 'Anonymous', body: 'Nul here' });
  });
});

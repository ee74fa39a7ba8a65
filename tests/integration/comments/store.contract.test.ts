import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate.mjs';
import type { BatchedComment, NewComment, NewOutboxMail } from '@/lib/comments/comment-store';
import { engines, useTestDatabase } from './engines';
import { requireServices } from '../services';

const minute = 60_000;
const start = new Date('2026-03-01T12:00:00.000Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * minute);

function draft(overrides: Partial<NewComment> = {}): NewComment {
  return {
    postSlug: 'a-post',
    parentId: null,
    authorName: 'Grace',
    authorEmail: 'grace@example.com',
    authorUrl: null,
    authorKey: 'author-grace',
    body: 'Hello',
    status: 'approved',
    ipHash: 'ip-1',
    createdAt: start,
    ...overrides,
  };
}

function batched(overrides: Partial<NewComment>, parent: BatchedComment['parent']): BatchedComment {
  return { authorEmail: null, authorUrl: null, ...draft(overrides), editedAt: null, byAuthor: false, parent };
}

function mail(overrides: Partial<NewOutboxMail> = {}): NewOutboxMail {
  return {
    dedupeKey: `key-${Math.random()}`,
    kind: 'moderation',
    recipient: 'blogger@example.com',
    subject: 'A comment waits',
    text: 'Text',
    html: '<p>HTML</p>',
    headers: '{}',
    createdAt: start,
    ...overrides,
  };
}

requireServices('TEST_DATABASE_URL');

describe.each(engines)('comment store on $name', ({ create }) => {
  const database = useTestDatabase(create);
  const store = () => database().store;

  it('migrating again changes nothing', async () => {
    const before = await store().addComment(draft({ postSlug: 'migrate-twice' }));
    await migrateDatabase(database().target);
    expect(await store().getComment(before.id)).toEqual(before);
  });

  it('stores a comment and reads back exactly what was stored, dates included', async () => {
    const added = await store().addComment(draft({ postSlug: 'round-trip', authorUrl: 'https://grace.example', createdAt: at(1) }));
    expect(added).toMatchObject({ postSlug: 'round-trip', authorUrl: 'https://grace.example', status: 'approved', editedAt: null });
    expect(added.createdAt.toISOString()).toBe(at(1).toISOString());
    expect(await store().getComment(added.id)).toEqual(added);
    expect(await store().getComment(999_999)).toBeUndefined();
  });

  it('lists only approved comments of one post, oldest first, and counts them per post', async () => {
    const later = await store().addComment(draft({ postSlug: 'listing', body: 'second', createdAt: at(5) }));
    const earlier = await store().addComment(draft({ postSlug: 'listing', body: 'first', createdAt: at(2) }));
    await store().addComment(draft({ postSlug: 'listing', body: 'held', status: 'pending', createdAt: at(3) }));
    await store().addComment(draft({ postSlug: 'other-listing', body: 'elsewhere' }));
    expect((await store().listApproved('listing')).map((c) => c.id)).toEqual([earlier.id, later.id]);
    const counts = await store().countApprovedByPost();
    expect(counts.get('listing')).toBe(2);
    expect(counts.get('other-listing')).toBe(1);
    expect(counts.has('no-such-post')).toBe(false);
  });

  it('lists comments by state newest first, moves them between states and edits them', async () => {
    const older = await store().addComment(draft({ postSlug: 'queue', body: 'older', status: 'pending', createdAt: at(10) }));
    const newer = await store().addComment(draft({ postSlug: 'queue', body: 'newer', status: 'pending', createdAt: at(11) }));
    const pending = (await store().listByStatus('pending', 50)).filter((c) => c.postSlug === 'queue');
    expect(pending.map((c) => c.id)).toEqual([newer.id, older.id]);

    expect(await store().setStatus(older.id, 'spam')).toMatchObject({ id: older.id, status: 'spam' });
    expect((await store().listByStatus('spam', 50)).map((c) => c.id)).toContain(older.id);
    const edited = await store().editBody(newer.id, 'newer, edited', at(12));
    expect(edited).toMatchObject({ body: 'newer, edited' });
    expect(edited?.editedAt?.toISOString()).toBe(at(12).toISOString());
    expect(await store().setStatus(999_999, 'approved')).toBeUndefined();
  });

  it('deletes a comment together with its replies', async () => {
    const parent = await store().addComment(draft({ postSlug: 'deleting' }));
    const reply = await store().addComment(draft({ postSlug: 'deleting', parentId: parent.id, body: 'reply' }));
    expect(await store().deleteComment(parent.id)).toMatchObject({ id: parent.id });
    expect(await store().getComment(reply.id)).toBeUndefined();
    expect(await store().deleteComment(parent.id)).toBeUndefined();
  });

  it('stores a batch in order, replies linked to comments stored before or earlier in the batch', async () => {
    const earlier = await store().addComment(draft({ postSlug: 'batch', body: 'already here' }));
    const [reply, answer, top] = await store().addCommentBatch([
      batched({ postSlug: 'batch', body: 'answers the earlier one', createdAt: at(50) }, { storedId: earlier.id }),
      batched({ postSlug: 'batch', body: 'answers the first of the batch', createdAt: at(51) }, { batchIndex: 0 }),
      batched({ postSlug: 'batch', body: 'answers nothing', createdAt: at(52) }, null),
    ]);
    expect([reply?.parentId, answer?.parentId, top?.parentId]).toEqual([earlier.id, reply?.id, null]);
    expect((await store().listApproved('batch')).map((c) => c.body)).toEqual(['already here', 'answers the earlier one', 'answers the first of the batch', 'answers nothing']);
  });

  it('stores nothing of a batch when one of its comments cannot be stored', async () => {
    const batch = [
      batched({ postSlug: 'half-batch', body: 'fine' }, null),
      batched({ postSlug: 'half-batch', body: 'fine too' }, { batchIndex: 0 }),
      batched({ postSlug: 'half-batch', body: 'answers a comment that does not exist' }, { storedId: 999_999 }),
    ];
    await expect(store().addCommentBatch(batch)).rejects.toThrow();
    expect((await store().listAll()).filter((c) => c.postSlug === 'half-batch')).toEqual([]);
    expect(await store().addCommentBatch([])).toEqual([]);
  });

  it('adds at most the limit from one IP hash however many arrive at once', async () => {
    const limit = { since: at(29), max: 5 };
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, index) => store().addCommentWithinLimit(draft({ postSlug: 'burst', ipHash: 'ip-burst', body: `burst ${index}`, createdAt: at(30) }), limit)),
    );
    expect(results.filter((result) => 'added' in result)).toHaveLength(5);
    expect(results.filter((result) => 'limited' in result && result.limited.length === 5)).toHaveLength(25);
    expect((await store().listAll()).filter((c) => c.ipHash === 'ip-burst')).toHaveLength(5);
  });

  it('knows recent comments from an IP hash, returning authors and identical comments', async () => {
    await store().addComment(draft({ postSlug: 'limits', ipHash: 'ip-limits', createdAt: at(20) }));
    await store().addComment(draft({ postSlug: 'limits', ipHash: 'ip-limits', body: 'again', createdAt: at(25) }));
    // A third comment held back by a limit of `max` reports the recent ones it counted.
    const countedSince = async (since: Date, max: number) => {
      const result = await store().addCommentWithinLimit(draft({ postSlug: 'limits', ipHash: 'ip-limits', body: 'held back', createdAt: at(26) }), { since, max });
      return 'limited' in result ? result.limited : [];
    };
    expect((await countedSince(at(21), 1)).map((d) => d.toISOString())).toEqual([at(25).toISOString()]);
    expect(await countedSince(at(19), 2)).toHaveLength(2);

    expect(await store().hasSameComment({ postSlug: 'limits', ipHash: 'ip-limits', body: 'again' })).toBe(true);
    expect(await store().hasSameComment({ postSlug: 'limits', ipHash: 'ip-other', body: 'again' })).toBe(false);

    await store().addComment(draft({ authorKey: 'author-new', status: 'pending' }));
    expect(await store().hasApprovedFromAuthor('author-new')).toBe(false);
    expect(await store().hasApprovedFromAuthor('author-grace')).toBe(true);
  });

  it('keeps whether the signed-in blogger wrote a comment, a reader’s unless told', async () => {
    const reader = await store().addComment(draft({ postSlug: 'by-author' }));
    const author = await store().addComment(draft({ postSlug: 'by-author', parentId: reader.id, body: 'From the author', byAuthor: true, createdAt: at(40) }));
    expect(reader.byAuthor).toBe(false);
    expect(await store().getComment(author.id)).toMatchObject({ byAuthor: true, body: 'From the author' });
    expect((await store().listApproved('by-author')).map((c) => c.byAuthor)).toEqual([false, true]);
    expect((await store().listByStatus('approved', 1_000)).find((c) => c.id === author.id)?.byAuthor).toBe(true);
  });

  it('records failed sign-ins per IP hash', async () => {
    await store().recordLoginFailure('ip-login', at(30));
    await store().recordLoginFailure('ip-login', at(31));
    await store().recordLoginFailure('ip-elsewhere', at(31));
    expect(await store().listLoginFailures('ip-login', at(30))).toHaveLength(2);
    expect(await store().listLoginFailures('ip-login', at(31))).toHaveLength(1);
  });

  describe('mail', () => {
    it('queues a message once per dedupe key and lists it as due from when it was queued', async () => {
      expect(await store().queueMail(mail({ dedupeKey: 'once', createdAt: at(100) }))).toBe(true);
      expect(await store().queueMail(mail({ dedupeKey: 'once', subject: 'Again', createdAt: at(100) }))).toBe(false);
      expect((await store().listDueMail(at(99), 5, 100)).some((m) => m.dedupeKey === 'once')).toBe(false);
      const [due] = (await store().listDueMail(at(100), 5, 100)).filter((m) => m.dedupeKey === 'once');
      expect(due).toMatchObject({ subject: 'A comment waits', attempts: 0, sentAt: null, lastError: null });
      expect(due?.createdAt.toISOString()).toBe(at(100).toISOString());
    });

    it('lets one sender claim a due message, counts its attempts and keeps failures until sent', async () => {
      await store().queueMail(mail({ dedupeKey: 'claimed', createdAt: at(200) }));
      const [due] = (await store().listDueMail(at(200), 5, 100)).filter((m) => m.dedupeKey === 'claimed');
      if (!due) throw new Error('not due');
      const claims = await Promise.all([store().claimMail(due, at(200), at(205)), store().claimMail(due, at(200), at(205))]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(claims.find(Boolean)).toMatchObject({ attempts: 1 });
      expect((await store().listDueMail(at(204), 5, 100)).some((m) => m.id === due.id)).toBe(false);

      await store().markMailFailed(due.id, 'connection refused', at(210));
      const [failed] = (await store().listFailedMail(100)).filter((m) => m.id === due.id);
      expect(failed).toMatchObject({ lastError: 'connection refused', attempts: 1 });
      expect((await store().listDueMail(at(209), 5, 100)).some((m) => m.id === due.id)).toBe(false);
      const [again] = (await store().listDueMail(at(210), 5, 100)).filter((m) => m.id === due.id);
      expect((await store().listDueMail(at(210), 1, 100)).some((m) => m.id === due.id)).toBe(false);
      if (!again) throw new Error('not due again');
      expect(await store().claimMail(again, at(210), at(215))).toMatchObject({ attempts: 2 });

      await store().markMailSent(due.id, at(211));
      expect((await store().listFailedMail(100)).some((m) => m.id === due.id)).toBe(false);
      expect((await store().listDueMail(at(999), 5, 100)).some((m) => m.id === due.id)).toBe(false);
    });

    it('knows when the newest message of a kind was queued', async () => {
      expect(await store().latestMailAt('digest')).toBeUndefined();
      await store().queueMail(mail({ kind: 'digest', createdAt: at(300) }));
      await store().queueMail(mail({ kind: 'digest', createdAt: at(290) }));
      await store().queueMail(mail({ kind: 'reply', createdAt: at(400) }));
      expect((await store().latestMailAt('digest'))?.toISOString()).toBe(at(300).toISOString());
    });

    it('uses a single-use link once, however many try at once, and forgets old ones', async () => {
      const uses = await Promise.all(Array.from({ length: 5 }, () => store().useMailLink('nonce-1', at(500), at(0))));
      expect(uses.filter(Boolean)).toHaveLength(1);
      expect(await store().hasUsedMailLink('nonce-1')).toBe(true);
      expect(await store().hasUsedMailLink('nonce-2')).toBe(false);
      expect(await store().useMailLink('nonce-2', at(600), at(501))).toBe(true);
      expect(await store().hasUsedMailLink('nonce-1')).toBe(false);
    });

    it('keeps each address’s status and which comments want replies where', async () => {
      expect(await store().getMailRecipient('reader@example.com')).toBeUndefined();
      expect(await store().setMailRecipient('reader@example.com', 'unconfirmed', at(700))).toMatchObject({ status: 'unconfirmed' });
      const confirmed = await store().setMailRecipient('reader@example.com', 'confirmed', at(701));
      expect(confirmed.updatedAt.toISOString()).toBe(at(701).toISOString());
      expect(await store().getMailRecipient('reader@example.com')).toEqual(confirmed);

      const comment = await store().addComment(draft({ postSlug: 'subscribed' }));
      expect(await store().getReplySubscription(comment.id)).toBeUndefined();
      await store().subscribeToReplies(comment.id, 'reader@example.com');
      await store().subscribeToReplies(comment.id, 'new@example.com');
      expect(await store().getReplySubscription(comment.id)).toBe('new@example.com');
      await store().deleteComment(comment.id);
      expect(await store().getReplySubscription(comment.id)).toBeUndefined();
    });
  });
});

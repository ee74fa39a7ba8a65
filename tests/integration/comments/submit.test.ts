import { afterAll, describe, expect, it } from 'vitest';
import type { CommentFormState, OwnComment } from '@/lib/comments/form-state';
import { issueFormToken } from '@/lib/comments/form-token';
import { type CommentSettings, getCommentSettings } from '@/lib/comments/settings';
import { createCommentStore } from '@/lib/comments/store';
import { maxCommentNesting } from '@/lib/comments/markdown';
import { handleCommentSubmission, type SubmissionContext } from '@/lib/comments/submit';
import siteConfig from '@/site.config';
import { engines, useTestDatabase } from './engines';

const start = new Date('2026-03-01T12:00:00.000Z');
const seconds = (n: number) => new Date(start.getTime() + n * 1_000);
const posts = new Set(['first-post', 'second-post']);
const defaults = getCommentSettings({});

let ipCounter = 0;
/** Each test writes as its own client, so rate limits and duplicates never leak between tests. */
const freshIp = () => `203.0.113.${++ipCounter}`;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

function commentForm(overrides: Record<string, string> = {}): FormData {
  return form({
    intent: 'post',
    postSlug: 'first-post',
    name: 'Grace Hopper',
    email: 'grace@example.com',
    website: '',
    body: 'A thoughtful comment.',
    homepage: '',
    formToken: issueFormToken(start),
    ...overrides,
  });
}

function errorOf(state: CommentFormState) {
  if (state.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(state)}`);
  return state;
}

function savedOf(state: CommentFormState) {
  if (state.kind !== 'saved') throw new Error(`expected a saved comment, got ${JSON.stringify(state)}`);
  return state;
}

describe.each(engines)('submitting comments on $name', ({ create }) => {
  const database = useTestDatabase(create);
  const store = () => database().store;

  function context(overrides: Partial<Omit<SubmissionContext, 'settings'>> & { settings?: Partial<CommentSettings> } = {}): SubmissionContext {
    const { settings, ...rest } = overrides;
    return {
      openStore: store,
      now: seconds(10),
      ip: freshIp(),
      isPost: async (slug) => posts.has(slug),
      asAuthor: false,
      ...rest,
      settings: { ...defaults, ...settings },
    };
  }

  async function approvedComment(fields: Record<string, string> = {}) {
    const { state } = await handleCommentSubmission(commentForm({ body: `Parent ${Math.random()}`, ...fields }), context());
    const comment = savedOf(state).comment;
    await store().setStatus(comment.id, 'approved');
    return comment;
  }

  it('holds a first-time commenter for moderation, then publishes the same author once approved', async () => {
    const name = 'First Timer';
    const first = await handleCommentSubmission(commentForm({ name, body: 'My first comment' }), context());
    const held = savedOf(first.state);
    expect(held.message).toMatch(/awaiting moderation/i);
    expect(held.comment).toMatchObject({ status: 'pending', authorName: name });
    expect(first.changedPosts).toEqual([]);

    await store().setStatus(held.comment.id, 'approved');
    const second = await handleCommentSubmission(commentForm({ name, body: 'Back again' }), context());
    expect(savedOf(second.state).comment.status).toBe('approved');
    expect(savedOf(second.state).message).toMatch(/published/i);
    expect(second.changedPosts).toEqual(['first-post']);
  });

  it('follows the moderation mode: hold everything, or publish at once', async () => {
    const known = await approvedComment({ name: 'Known Author' });
    const holdAll = await handleCommentSubmission(commentForm({ name: 'Known Author', body: 'Held anyway' }), context({ settings: { moderation: 'all' } }));
    expect(savedOf(holdAll.state).comment.status).toBe('pending');
    expect(known.id).toBeGreaterThan(0);
    const open = await handleCommentSubmission(commentForm({ name: 'Brand New', body: 'Straight in' }), context({ settings: { moderation: 'none' } }));
    expect(savedOf(open.state).comment.status).toBe('approved');
  });

  it('holds comments with more than two links, even when comments publish at once', async () => {
    const body = 'See [a](https://a.example), [b](https://b.example) and <https://c.example>';
    const { state } = await handleCommentSubmission(commentForm({ body }), context({ settings: { moderation: 'none' } }));
    expect(savedOf(state).comment.status).toBe('pending');
    const two = await handleCommentSubmission(commentForm({ body: '[a](https://a.example) [b](https://b.example)' }), context({ settings: { moderation: 'none' } }));
    expect(savedOf(two.state).comment.status).toBe('approved');
  });

  it.each([
    ['name', { name: '   ' }, /your name/i],
    ['name', { name: 'x'.repeat(81) }, /80 characters/],
    ['email', { email: 'not-an-email' }, /email/i],
    ['website', { website: 'javascript:alert(1)' }, /http/],
    ['website', { website: 'ftp://files.example' }, /http/],
    ['body', { body: '  \n  ' }, /write a comment/i],
    ['body', { body: 'x'.repeat(5_001) }, /5,000 characters/],
  ] as const)('rejects a bad %s, keeping everything the reader typed', async (field, fields, message) => {
    const submitted = commentForm({ body: 'Kept text', ...fields });
    const { state, changedPosts } = await handleCommentSubmission(submitted, context());
    const error = errorOf(state);
    expect(error.fieldErrors[field]).toMatch(message);
    expect(error.values).toEqual({
      name: submitted.get('name'),
      email: submitted.get('email'),
      website: submitted.get('website'),
      notifyReplies: '',
      body: submitted.get('body'),
    });
    expect(changedPosts).toEqual([]);
  });

  it('accepts a body of exactly 5,000 characters, a line break sent as CRLF counting as one, and http and https websites', async () => {
    const { state } = await handleCommentSubmission(
      commentForm({ body: `${'y'.repeat(2_500)}\r\n${'y'.repeat(2_499)}`, website: 'https://grace.example/about' }),
      context(),
    );
    expect(savedOf(state).comment.body).toBe(`${'y'.repeat(2_500)}\n${'y'.repeat(2_499)}`);
  });

  it('keeps the body as sent, leading spaces included, so that an indented code block stays code', async () => {
    const body = '    const shed = build();\r\n      return shed;\rDone.  ';
    const { state } = await handleCommentSubmission(commentForm({ name: '  Grace  ', body }), context());
    const { comment } = savedOf(state);
    expect(comment.body).toBe('    const shed = build();\n      return shed;\nDone.  ');
    expect(comment.authorName).toBe('Grace');
    expect(comment.html).toBe('<pre><code>const shed = build();\n  return shed;\n</code></pre>\n<p>Done.</p>');
    expect((await store().getComment(comment.id))?.body).toBe(comment.body);
  });

  it('stores a 4,000-deep quote and answers with it rendered, nested no deeper than the cap', async () => {
    const body = `${'>'.repeat(4_000)} deep`;
    const { state } = await handleCommentSubmission(commentForm({ name: 'Deep Quoter', body }), context());
    const { comment, message } = savedOf(state);
    expect(message).toMatch(/awaiting moderation/i);
    expect(comment.html.match(/<blockquote>/g)).toHaveLength(maxCommentNesting);
    expect(comment.html).toContain(' deep</p>');
    expect((await store().getComment(comment.id))?.body).toBe(body);
  });

  it('refuses comments on a page that is not a post', async () => {
    const { state } = await handleCommentSubmission(commentForm({ postSlug: 'no-such-post' }), context());
    expect(errorOf(state).message).toMatch(/cannot be added/i);
  });

  it('accepts a reply to an approved comment on the same post only', async () => {
    const parent = await approvedComment();
    const reply = await handleCommentSubmission(commentForm({ parentId: String(parent.id), body: 'A reply' }), context());
    expect(savedOf(reply.state).comment.id).toBeGreaterThan(parent.id);
    expect((await store().getComment(savedOf(reply.state).comment.id))?.parentId).toBe(parent.id);

    const elsewhere = await handleCommentSubmission(commentForm({ postSlug: 'second-post', parentId: String(parent.id) }), context());
    expect(errorOf(elsewhere.state).message).toMatch(/replying to is not available/);
    const heldOutcome = await handleCommentSubmission(commentForm({ body: 'Held parent' }), context({ settings: { moderation: 'all' } }));
    const held = savedOf(heldOutcome.state).comment;
    const toHeld = await handleCommentSubmission(commentForm({ parentId: String(held.id), body: 'Reply to held' }), context());
    expect(errorOf(toHeld.state).message).toMatch(/replying to is not available/);
    const toNothing = await handleCommentSubmission(commentForm({ parentId: '987654' }), context());
    expect(errorOf(toNothing.state).values.body).toBe('A thoughtful comment.');
  });

  it('drops a submission whose honeypot is filled, while looking accepted', async () => {
    const body = `Buy now ${Math.random()}`;
    const { state, changedPosts } = await handleCommentSubmission(commentForm({ body, homepage: 'https://spam.example' }), context());
    expect(savedOf(state).message).toMatch(/awaiting moderation/i);
    expect(changedPosts).toEqual([]);
    const stored = await store().listByStatus('pending', 500);
    expect(stored.some((comment) => comment.body === body)).toBe(false);
  });

  it('rejects a form submitted sooner than the minimum time after it was shown, or with a forged time', async () => {
    const shownAt = issueFormToken(start);
    const tooSoon = await handleCommentSubmission(commentForm({ formToken: shownAt }), context({ now: seconds(2.9) }));
    expect(errorOf(tooSoon.state).message).toMatch(/take a moment/i);
    expect(errorOf(tooSoon.state).values.body).toBe('A thoughtful comment.');

    const inTime = await handleCommentSubmission(commentForm({ formToken: shownAt }), context({ now: seconds(3) }));
    expect(inTime.state.kind).toBe('saved');

    const forged = `${start.getTime() - 60_000}.${shownAt.split('.')[1]}`;
    const rejected = await handleCommentSubmission(commentForm({ formToken: forged }), context());
    expect(errorOf(rejected.state).message).toMatch(/expired/i);
    const missing = await handleCommentSubmission(commentForm({ formToken: '' }), context());
    expect(errorOf(missing.state).message).toMatch(/expired/i);
  });

  it('allows five comments per ten minutes from one address, then says when to try again', async () => {
    const ip = freshIp();
    for (let index = 0; index < 5; index += 1) {
      const { state } = await handleCommentSubmission(commentForm({ body: `Comment ${index}` }), context({ ip, now: seconds(10 + index * 60) }));
      expect(state.kind).toBe('saved');
    }
    const blocked = await handleCommentSubmission(commentForm({ body: 'One more' }), context({ ip, now: seconds(10 + 5 * 60) }));
    expect(errorOf(blocked.state).message).toBe('Too many comments — please try again in 5 minutes.');
    expect(errorOf(blocked.state).values.body).toBe('One more');

    const elsewhere = await handleCommentSubmission(commentForm({ body: 'One more' }), context({ now: seconds(10 + 5 * 60) }));
    expect(elsewhere.state.kind).toBe('saved');
    const later = await handleCommentSubmission(commentForm({ body: 'One more, later' }), context({ ip, now: seconds(11 + 10 * 60) }));
    expect(later.state.kind).toBe('saved');
  });

  it('rejects the exact same comment posted twice', async () => {
    const ip = freshIp();
    const body = `Same words ${Math.random()}`;
    expect((await handleCommentSubmission(commentForm({ body }), context({ ip }))).state.kind).toBe('saved');
    const again = await handleCommentSubmission(commentForm({ body }), context({ ip }));
    expect(errorOf(again.state).message).toMatch(/already posted/);
  });

  it('stores the address only as a salted hash', async () => {
    const ip = freshIp();
    const { state } = await handleCommentSubmission(commentForm({ body: 'Where am I?' }), context({ ip }));
    const stored = await store().getComment(savedOf(state).comment.id);
    expect(stored?.ipHash).toMatch(/^[\w-]{20,}$/);
    expect(stored?.ipHash).not.toContain(ip);
  });

  describe('the blog author’s name and replies', () => {
    const author = siteConfig.author.name;
    const toFullwidth = (text: string) => text.replace(/[!-~]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));
    const lookAlikes: Record<string, string> = { a: '\u0430', e: '\u0435', o: '\u043e', p: '\u0440' };

    it.each([
      ['as written', author],
      ['in capitals, padded with spaces', `  ${author.toUpperCase()} `],
      ['with extra spaces inside', author.replace(' ', '   ')],
      ['with a no-break space', author.replace(' ', '\u00a0')],
      ['in fullwidth letters', toFullwidth(author)],
      ['with an invisible zero-width space', `${author.slice(0, 2)}\u200b${author.slice(2)}`],
      ['with a combining accent', `${author.slice(0, 1)}\u0301${author.slice(1)}`],
      ['with Cyrillic look-alike letters', author.replace(/[aeop]/g, (letter) => lookAlikes[letter] ?? letter)],
      ['with a capital I for each l', author.replace(/l/g, 'I')],
      ['with a dot for the space', author.replace(' ', '.')],
    ])('refuses a reader signing with the author’s name %s, storing nothing', async (_variant, name) => {
      const body = `Posing as the author ${Math.random()}`;
      const { state, changedPosts } = await handleCommentSubmission(commentForm({ name, body }), context({ settings: { moderation: 'none' } }));
      const error = errorOf(state);
      expect(error.fieldErrors.name).toBe(`Only the author of this blog can comment as ${author}. Please use another name.`);
      expect(error.values).toMatchObject({ name, body });
      expect(changedPosts).toEqual([]);
      expect((await store().listAll()).some((comment) => comment.body === body)).toBe(false);
    });

    it('lets readers share part of the author’s name', async () => {
      const [firstName = ''] = author.split(' ');
      for (const name of [firstName, `${author} Fan`, `${firstName} Lovelace`]) {
        const { state } = await handleCommentSubmission(commentForm({ name, body: `Hello from ${name} ${Math.random()}` }), context());
        expect(savedOf(state).comment.authorName).toBe(name);
      }
    });

    it('publishes the signed-in blogger’s reply at once as the author’s, without the form timing or the rate limit', async () => {
      const parent = await approvedComment();
      const ip = freshIp();
      const strict = { moderation: 'all', minSecondsToSubmit: 600, rateLimit: { comments: 1, minutes: 60 } } as const;
      for (let index = 0; index < 3; index += 1) {
        const reply = commentForm({ parentId: String(parent.id), name: '', email: '', formToken: '', body: `Thanks, I will try cedar (${index})` });
        const { state, changedPosts } = await handleCommentSubmission(reply, context({ asAuthor: true, ip, settings: strict }));
        const saved = savedOf(state);
        expect(saved.message).toBe('Your comment is published as the author’s.');
        expect(saved.comment).toMatchObject({ status: 'approved', authorName: author });
        expect(changedPosts).toEqual(['first-post']);
        expect(await store().getComment(saved.comment.id)).toMatchObject({
          byAuthor: true,
          status: 'approved',
          parentId: parent.id,
          authorName: author,
          authorEmail: null,
          authorUrl: siteConfig.author.url,
        });
      }
    });

    it('signs the blogger’s comment with the author’s name whatever the form’s name fields say', async () => {
      const { state } = await handleCommentSubmission(
        commentForm({ name: 'Someone Else', email: 'someone@example.com', website: 'https://someone.example' }),
        context({ asAuthor: true }),
      );
      const stored = await store().getComment(savedOf(state).comment.id);
      expect(stored).toMatchObject({ authorName: author, authorEmail: null, authorUrl: siteConfig.author.url, byAuthor: true });
    });

    it('ignores form fields claiming the comment is the author’s when nobody is signed in', async () => {
      const forged = commentForm({ name: 'Eve Reader', byAuthor: 'true', asAuthor: 'true', author: 'on', body: `Trust me ${Math.random()}` });
      const { state, changedPosts } = await handleCommentSubmission(forged, context());
      const saved = savedOf(state);
      expect(saved.comment.status).toBe('pending');
      expect(changedPosts).toEqual([]);
      expect(await store().getComment(saved.comment.id)).toMatchObject({ byAuthor: false, authorName: 'Eve Reader' });
    });

    it('validates the blogger’s comment and renders it as safely as a reader’s', async () => {
      const asAuthor = context({ asAuthor: true });
      expect(errorOf((await handleCommentSubmission(commentForm({ body: '  \n ' }), asAuthor)).state).fieldErrors.body).toMatch(/write a comment/i);
      expect(errorOf((await handleCommentSubmission(commentForm({ body: 'x'.repeat(5_001) }), asAuthor)).state).fieldErrors.body).toMatch(/5,000/);
      const { state } = await handleCommentSubmission(commentForm({ body: 'Hi <script>alert(1)</script> [x](javascript:alert(1))' }), asAuthor);
      const { html } = savedOf(state).comment;
      expect(html).not.toMatch(/<script|href="javascript/i);
      expect(html).toContain('&#x3C;script>');
    });

    it('lets the blogger answer a held comment, which publishes it, but not spam or another post’s comment', async () => {
      const heldOutcome = await handleCommentSubmission(commentForm({ body: `A question ${Math.random()}` }), context({ settings: { moderation: 'all' } }));
      const held = savedOf(heldOutcome.state).comment;
      const reply = await handleCommentSubmission(commentForm({ parentId: String(held.id), body: 'Good question.' }), context({ asAuthor: true }));
      expect(savedOf(reply.state).comment.status).toBe('approved');
      expect((await store().getComment(held.id))?.status).toBe('approved');

      const spam = await approvedComment();
      await store().setStatus(spam.id, 'spam');
      const toSpam = await handleCommentSubmission(commentForm({ parentId: String(spam.id), body: 'To spam' }), context({ asAuthor: true }));
      expect(errorOf(toSpam.state).message).toMatch(/replying to is not available/);
      const elsewhere = await handleCommentSubmission(commentForm({ postSlug: 'second-post', parentId: String(held.id), body: 'Wrong post' }), context({ asAuthor: true }));
      expect(errorOf(elsewhere.state).message).toMatch(/replying to is not available/);
    });
  });

  describe('editing and deleting one’s own comment', () => {
    async function ownComment(settings: Partial<CommentSettings> = { moderation: 'none' }) {
      const { state } = await handleCommentSubmission(commentForm({ body: `Mine ${Math.random()}` }), context({ settings }));
      return savedOf(state).comment;
    }

    /** What the edit form under a saved comment sends: its id and the token that came with it. */
    function editForm(comment: OwnComment, fields: Record<string, string>) {
      return form({ commentId: String(comment.id), editToken: comment.editToken, ...fields });
    }

    it('lets the author edit within the window, again after an edit, and regenerates the post', async () => {
      const comment = await ownComment();
      const outcome = await handleCommentSubmission(
        editForm(comment, { intent: 'edit', body: 'Corrected *text*' }),
        context({ now: seconds(10 + 14 * 60) }),
      );
      const edited = savedOf(outcome.state).comment;
      expect(edited.html).toBe('<p>Corrected <em>text</em></p>');
      expect(outcome.changedPosts).toEqual(['first-post']);
      expect((await store().getComment(comment.id))?.editedAt).not.toBeNull();

      const again = await handleCommentSubmission(editForm(edited, { intent: 'edit', body: 'Corrected twice' }), context());
      expect(savedOf(again.state).comment.body).toBe('Corrected twice');
    });

    it('lets the author edit a comment that awaits moderation, without regenerating the post', async () => {
      const comment = await ownComment({ moderation: 'all' });
      expect(comment.status).toBe('pending');
      const outcome = await handleCommentSubmission(editForm(comment, { intent: 'edit', body: 'Better words' }), context());
      expect(savedOf(outcome.state).comment).toMatchObject({ id: comment.id, body: 'Better words', status: 'pending' });
      expect(outcome.changedPosts).toEqual([]);
    });

    it('refuses an edit or a deletion after 15 minutes', async () => {
      const comment = await ownComment();
      for (const intent of ['edit', 'delete']) {
        const late = await handleCommentSubmission(editForm(comment, { intent, body: 'Too late' }), context({ now: seconds(10 + 15 * 60) }));
        expect(errorOf(late.state).message).toMatch(/can no longer be changed/);
      }
      expect((await store().getComment(comment.id))?.body).toBe(comment.body);
    });

    it('refuses an edit or a deletion with another comment’s token, a tampered or forged token, or none', async () => {
      const mine = await ownComment();
      const theirs = await ownComment();
      const [, mySignature] = mine.editToken.split('.');
      const theirPayload = `${theirs.id}:${Date.parse(theirs.createdAt)}`;
      const tokens: Record<string, string>[] = [
        { editToken: mine.editToken },
        { editToken: `${theirPayload}.${mySignature}` },
        { editToken: `${theirPayload}.${'A'.repeat(43)}` },
        { editToken: '' },
        {},
      ];
      for (const token of tokens) {
        for (const intent of ['edit', 'delete']) {
          const fields = { intent, commentId: String(theirs.id), body: 'Not mine', ...token };
          const { state, changedPosts } = await handleCommentSubmission(form(fields), context());
          expect(errorOf(state).message, JSON.stringify(fields)).toMatch(/can no longer be changed/);
          expect(changedPosts).toEqual([]);
        }
      }
      expect((await store().getComment(theirs.id))?.body).toBe(theirs.body);
    });

    it('gives a dropped (honeypot) submission nothing to edit with', async () => {
      const { state } = await handleCommentSubmission(commentForm({ homepage: 'https://spam.example' }), context());
      const decoy = savedOf(state).comment;
      expect(decoy.editToken).toBe('');
      const edit = await handleCommentSubmission(editForm(decoy, { intent: 'edit', body: 'Now with links' }), context());
      expect(errorOf(edit.state).message).toMatch(/can no longer be changed/);
    });

    it('keeps the edit form open with the text and the token when the new body is invalid', async () => {
      const comment = await ownComment();
      const outcome = await handleCommentSubmission(editForm(comment, { intent: 'edit', body: '   ' }), context());
      expect(errorOf(outcome.state)).toMatchObject({
        fieldErrors: { body: expect.stringMatching(/write a comment/i) },
        comment: { id: comment.id, editToken: comment.editToken },
      });
    });

    it('holds an approved comment again when an edit adds more than two links', async () => {
      const comment = await ownComment();
      const body = '[a](https://a.example) [b](https://b.example) [c](https://c.example)';
      await handleCommentSubmission(editForm(comment, { intent: 'edit', body }), context());
      expect((await store().getComment(comment.id))?.status).toBe('pending');
    });

    it('lets the author delete within the window, once', async () => {
      const comment = await ownComment();
      const outcome = await handleCommentSubmission(editForm(comment, { intent: 'delete' }), context());
      expect(outcome.state.kind).toBe('deleted');
      expect(outcome.changedPosts).toEqual(['first-post']);
      expect(await store().getComment(comment.id)).toBeUndefined();
      const again = await handleCommentSubmission(editForm(comment, { intent: 'edit', body: 'Back from the dead' }), context());
      expect(errorOf(again.state).message).toMatch(/can no longer be changed/);
    });
  });
});

describe('when the database is down', () => {
  const unreachable = createCommentStore({ engine: 'postgres', url: 'postgres://postgres@127.0.0.1:1/nothing' });
  afterAll(() => unreachable.close());

  it.each([
    ['cannot be opened', () => createCommentStore({ engine: 'sqlite', file: '/nonexistent/folio.sqlite' })],
    ['refuses connections', () => unreachable],
  ])('answers that comments are unavailable when it %s, keeping the text', async (_case, openStore) => {
    const { state } = await handleCommentSubmission(commentForm({ body: 'Please keep me' }), {
      openStore,
      settings: defaults,
      now: seconds(10),
      ip: freshIp(),
      isPost: async () => true,
      asAuthor: false,
    });
    expect(errorOf(state)).toMatchObject({
      message: 'Comments are temporarily unavailable — please try again.',
      values: { body: 'Please keep me' },
    });
  });
});

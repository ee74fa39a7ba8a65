import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentFormState } from '@/lib/comments/form-state';
import { issueFormToken } from '@/lib/comments/form-token';
import { moderateStoredComment } from '@/lib/comments/moderation';
import { getCommentSettings } from '@/lib/comments/settings';
import { handleCommentSubmission, type SubmissionContext } from '@/lib/comments/submit';
import { followMailLink, type MailLinkContext, viewMailLink } from '@/lib/mail/link-actions';
import { mailLinkLifetimeMs } from '@/lib/mail/links';
import type { DeliveryOptions } from '@/lib/mail/outbox';
import type { CommentMailEvent } from '@/lib/mail/queue';
import { getMailSettings, type MailSettings } from '@/lib/mail/settings';
import { runMailWork } from '@/lib/mail/work';
import { addressesIn, type ReceivedMail, recipientsOf, type SmtpSink, startSmtpSink } from '@/tests/support/smtp-sink';
import { engines, useTestDatabase } from '../comments/engines';
import { requireServices } from '../services';

const blogger = 'blogger@example.com';
const titles: Record<string, string> = { 'shed-post': 'Sketching a shed', 'other-post': 'Another post' };
const hour = 3_600_000;
/** Short waits between tries, and none before a later flush, so that retries happen within a test. */
const quickDelivery: DeliveryOptions = { retryDelaysMs: [20, 20], laterRetryMs: 0, maxAttempts: 8 };

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(() => sink.close());

requireServices('TEST_DATABASE_URL');

let counter = 0;
const unique = (text: string) => `${text} ${process.pid}-${++counter}`;
const uniqueAddress = (name: string) => `${name}.${process.pid}.${++counter}@example.com`;

function commentForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  const all = { intent: 'post', postSlug: 'shed-post', name: 'Grace Hopper', email: '', website: '', homepage: '', formToken: issueFormToken(new Date(Date.now() - 10_000)), ...fields };
  for (const [name, value] of Object.entries(all)) form.set(name, value);
  return form;
}

function savedId(state: CommentFormState): number {
  if (state.kind !== 'saved') throw new Error(`expected a saved comment, got ${JSON.stringify(state)}`);
  return state.comment.id;
}

/** Every link to a Folio mail page in a message's text part, by what it says before the link. */
function linksIn(mail: ReceivedMail): Record<string, string> {
  return Object.fromEntries([...String(mail.parsed.text).matchAll(/^(\w+): (http\S+\/mail\/[\w.-]+)$/gm)].map((match) => [match[1], new URL(match[2]!).pathname.split('/').at(-1)!]));
}

describe.each(engines)('e-mail notifications on $name', ({ create }) => {
  const database = useTestDatabase(create);
  const store = () => database().store;

  function mailSettings(env: Record<string, string> = {}): MailSettings {
    const settings = getMailSettings({ SMTP_URL: sink.url, FOLIO_MAIL_FROM: 'Folio <folio@blog.example>', FOLIO_ADMIN_EMAIL: blogger, ...env });
    if (!settings) throw new Error('mail is not configured');
    return settings;
  }

  function submissionContext(overrides: Partial<SubmissionContext> = {}): SubmissionContext {
    return {
      openStore: store,
      settings: getCommentSettings({}),
      now: new Date(),
      ip: `198.51.100.${++counter % 250}`,
      isPost: async (slug) => slug in titles,
      asAuthor: false,
      ...overrides,
    };
  }

  /** The real submit path; then what `after()` does once the response has gone. */
  async function submit(fields: Record<string, string>, overrides: Partial<SubmissionContext> = {}, settings = mailSettings()) {
    const outcome = await handleCommentSubmission(commentForm(fields), submissionContext(overrides));
    const delivered = await work(outcome.mail, settings);
    return { id: savedId(outcome.state), outcome, delivered };
  }

  function work(events: CommentMailEvent[], settings = mailSettings(), now = new Date(), delivery = quickDelivery) {
    return runMailWork({ store: store(), settings, now: () => now, postTitle: async (slug) => titles[slug] ?? slug, delivery }, events);
  }

  /** Following a link as its page and button do; moderation as /admin does it, with the reply mail it causes. */
  function linkContext(now = new Date()): MailLinkContext {
    return {
      store: store(),
      now,
      postTitle: async (slug) => titles[slug] ?? slug,
      async moderate(id, decision) {
        const outcome = await moderateStoredComment(store(), id, decision);
        await work(outcome?.mail ?? []);
      },
    };
  }

  it('tells the blogger of a held comment, and its Approve link publishes it after the button, once', async () => {
    const body = unique('Have you thought about *cedar*?');
    const { id } = await submit({ name: 'Grace Hopper', email: 'grace@example.com', body });
    const mail = await sink.waitFor((m) => String(m.parsed.text).includes(body));
    expect(recipientsOf(mail)).toEqual([blogger]);
    expect(addressesIn(mail.parsed.from)).toEqual(['folio@blog.example']);
    expect(mail.parsed.subject).toBe('Comment awaiting moderation on “Sketching a shed” from Grace Hopper');
    expect(mail.parsed.text).toContain('Grace Hopper (grace@example.com) wrote on “Sketching a shed”');
    expect(mail.parsed.html).toContain('<em>cedar</em>');

    const links = linksIn(mail);
    expect(Object.keys(links)).toEqual(['Approve', 'Spam', 'Delete']);
    const page = await viewMailLink(links.Approve!, linkContext());
    expect(page).toMatchObject({ kind: 'ready', button: 'Approve and publish', comment: { authorName: 'Grace Hopper', postTitle: 'Sketching a shed' } });
    expect((await store().getComment(id))?.status).toBe('pending');

    expect(await followMailLink(links.Approve!, linkContext())).toMatchObject({ ok: true, title: 'Approved: the comment is published.', postSlug: 'shed-post' });
    expect((await store().getComment(id))?.status).toBe('approved');
    expect(await viewMailLink(links.Approve!, linkContext())).toMatchObject({ kind: 'refused', title: 'This link has already been used' });
    expect(await followMailLink(links.Spam!, linkContext())).toMatchObject({ ok: false, title: 'This link has already been used' });
    expect((await store().getComment(id))?.status).toBe('approved');
  });

  it('marks spam and deletes from the links, and explains an expired or forged link', async () => {
    const spamBody = unique('Cheap watches');
    const { id: spamId } = await submit({ name: 'Spammer', body: spamBody });
    const spamLinks = linksIn(await sink.waitFor((m) => String(m.parsed.text).includes(spamBody)));
    expect(await followMailLink(spamLinks.Spam!, linkContext())).toMatchObject({ ok: true, title: 'Marked as spam: the comment will not be shown.' });
    expect((await store().getComment(spamId))?.status).toBe('spam');

    const deleteBody = unique('Delete me');
    const { id: deleteId } = await submit({ name: 'Someone', body: deleteBody });
    const deleteLinks = linksIn(await sink.waitFor((m) => String(m.parsed.text).includes(deleteBody)));
    const expired = linkContext(new Date(Date.now() + mailLinkLifetimeMs + hour));
    expect(await viewMailLink(deleteLinks.Delete!, expired)).toMatchObject({ kind: 'refused', title: 'This link has expired' });
    expect(await followMailLink(deleteLinks.Delete!, expired)).toMatchObject({ ok: false, title: 'This link has expired' });
    expect(await store().getComment(deleteId)).toBeDefined();
    expect(await followMailLink(`${deleteLinks.Delete!}x`, linkContext())).toMatchObject({ ok: false, title: 'This link does not work' });
    expect(await followMailLink(deleteLinks.Delete!, linkContext())).toMatchObject({ ok: true, title: 'Deleted.' });
    expect(await store().getComment(deleteId)).toBeUndefined();
  });

  it('keeps hostile names and comments out of the headers and the HTML part', async () => {
    const body = unique('<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))');
    await submit({ name: 'Mallory\r\nBcc: victim@example.com\r\nX-Injected: 1', email: 'mallory@example.com', body });
    const mail = await sink.waitFor((m) => String(m.parsed.text).includes(body));
    expect(recipientsOf(mail)).toEqual([blogger]);
    const headers = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
    expect(headers).not.toMatch(/^(bcc|x-injected):/im);
    expect(mail.parsed.subject).toBe('Comment awaiting moderation on “Sketching a shed” from Mallory Bcc: victim@example.com X-Injected: 1');
    expect(mail.parsed.html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(mail.parsed.html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });

  it('asks a reader to confirm first, then mails them replies with a one-click unsubscribe that stops them', async () => {
    const reader = uniqueAddress('reader');
    const body = unique('Will the roof hold snow?');
    const { id: parentId } = await submit({ name: 'Careful Reader', email: reader, notifyReplies: 'on', body });
    const confirmation = await sink.waitFor((m) => recipientsOf(m).includes(reader));
    expect(confirmation.parsed.subject).toBe("Confirm replies by e-mail from Ada's blog");
    await moderateStoredComment(store(), parentId, 'approve');

    // Not confirmed yet: a published reply sends nothing.
    const early = unique('An early answer');
    await submit({ parentId: String(parentId), body: early }, { asAuthor: true });
    const confirmLink = linksIn(confirmation).Confirm!;
    expect(await viewMailLink(confirmLink, linkContext())).toMatchObject({ kind: 'ready', button: 'Confirm' });
    expect((await store().getMailRecipient(reader))?.status).toBe('unconfirmed');
    expect(await followMailLink(confirmLink, linkContext())).toMatchObject({ ok: true, title: 'Confirmed' });
    expect(await followMailLink(confirmLink, linkContext())).toMatchObject({ ok: true, title: 'Already confirmed' });

    const answer = unique('Yes, with **rafters** every 40 cm.');
    const { id: replyId } = await submit({ parentId: String(parentId), body: answer }, { asAuthor: true });
    const reply = await sink.waitFor((m) => recipientsOf(m).includes(reader) && String(m.parsed.text).includes(answer));
    expect(sink.received.filter((m) => recipientsOf(m).includes(reader)).map((m) => m.parsed.subject)).toEqual([
      "Confirm replies by e-mail from Ada's blog",
      'Ada Example replied to your comment on “Sketching a shed”',
    ]);
    expect(reply.parsed.html).toContain('<strong>rafters</strong>');
    expect(reply.parsed.text).toContain(`#comment-${replyId}`);
    const listUnsubscribe = reply.parsed.headerLines.find((line) => line.key === 'list-unsubscribe')?.line ?? '';
    expect(reply.parsed.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const oneClick = new URL(/<(.+)>/.exec(listUnsubscribe)![1]!);
    expect(oneClick.pathname).toMatch(/^\/mail\/[\w.-]+\/one-click$/);
    expect(linksIn(reply).Unsubscribe).toBe(oneClick.pathname.split('/')[2]);

    expect(await followMailLink(oneClick.pathname.split('/')[2]!, linkContext())).toMatchObject({ ok: true, title: 'Unsubscribed' });
    const after = await submit({ parentId: String(parentId), body: unique('A later answer') }, { asAuthor: true });
    expect(after.delivered).toEqual({ sent: 0, unsent: 0 });
    expect(sink.received.filter((m) => recipientsOf(m).includes(reader))).toHaveLength(2);
    // The old confirmation link does not bring the mail back.
    expect(await followMailLink(confirmLink, linkContext())).toMatchObject({ ok: false, title: 'This link has expired' });
  });

  it('sends no mail about a reader’s own reply, and asks for an address before offering replies', async () => {
    const reader = uniqueAddress('self');
    const refused = await handleCommentSubmission(commentForm({ notifyReplies: 'on', body: 'No address' }), submissionContext());
    expect(refused.state).toMatchObject({ kind: 'error', fieldErrors: { email: 'Give your e-mail address to be sent replies.' } });

    const { id } = await submit({ name: 'Self', email: reader, notifyReplies: 'on', body: unique('Question') }, {}, mailSettings({ FOLIO_ADMIN_EMAIL: '' }));
    await store().setMailRecipient(reader, 'confirmed', new Date());
    await moderateStoredComment(store(), id, 'approve');
    const own = await submit({ name: 'Self', email: reader.toUpperCase(), parentId: String(id), body: unique('Answering myself') });
    await work([{ kind: 'published', commentId: own.id }]);
    expect(await store().listDueMail(new Date(), 8, 100)).toEqual([]);
    expect(sink.received.filter((m) => recipientsOf(m).includes(reader))).toHaveLength(1);
  });

  it('never fails a comment for mail: a refused send is retried, kept with its error, and given up in the end', async () => {
    const body = unique('Sent on the second flush');
    sink.refuseRecipients = 3;
    const { outcome, delivered } = await submit({ name: 'Patient', body });
    expect(outcome.state).toMatchObject({ kind: 'saved', message: 'Thank you! Your comment is awaiting moderation.' });
    expect(delivered).toEqual({ sent: 0, unsent: 1 });
    const [failed] = (await store().listFailedMail(10)).filter((m) => m.text.includes(body));
    expect(failed).toMatchObject({ attempts: 3, recipient: blogger });
    expect(failed?.lastError).toMatch(/451/);

    expect(await work([])).toEqual({ sent: 1, unsent: 0 });
    await sink.waitFor((m) => String(m.parsed.text).includes(body));
    expect((await store().listFailedMail(10)).some((m) => m.text.includes(body))).toBe(false);

    const retried = unique('Sent on the second try');
    sink.refuseRecipients = 1;
    expect((await submit({ name: 'Patient', body: retried })).delivered).toEqual({ sent: 1, unsent: 0 });
    await sink.waitFor((m) => String(m.parsed.text).includes(retried));

    const lost = unique('Never sent');
    sink.refuseRecipients = Number.POSITIVE_INFINITY;
    const giveUpAfterTwo = { ...quickDelivery, retryDelaysMs: [20], maxAttempts: 2 };
    const outcomeLost = await handleCommentSubmission(commentForm({ name: 'Unlucky', body: lost }), submissionContext());
    expect(await work(outcomeLost.mail, mailSettings(), new Date(), giveUpAfterTwo)).toEqual({ sent: 0, unsent: 1 });
    expect(await work([], mailSettings(), new Date(), giveUpAfterTwo)).toEqual({ sent: 0, unsent: 0 });
    sink.refuseRecipients = 0;
    expect((await store().listFailedMail(10)).find((m) => m.text.includes(lost))).toMatchObject({ attempts: 2 });
  });

  it('sends a daily digest instead when asked: each held comment once, at most a day after it came', async () => {
    const digest = mailSettings({ FOLIO_ADMIN_DIGEST: 'daily' });
    const start = new Date();
    const first = unique('Digest one');
    const second = unique('Digest two');
    await submit({ name: 'Early', body: first }, {}, digest);
    await submit({ name: 'Later', body: second }, {}, digest);
    expect(sink.received.some((m) => String(m.parsed.text).includes(first))).toBe(false);

    expect(await work([], digest, new Date(start.getTime() + 23 * hour))).toEqual({ sent: 0, unsent: 0 });
    expect(await work([], digest, new Date(start.getTime() + 25 * hour))).toEqual({ sent: 1, unsent: 0 });
    const mail = await sink.waitFor((m) => String(m.parsed.text).includes(first));
    expect(recipientsOf(mail)).toEqual([blogger]);
    expect(mail.parsed.subject).toMatch(/^\d+ comments await moderation on Ada's blog$/);
    expect(mail.parsed.text).toContain(second);
    expect(await followMailLink(linksIn(mail).Approve!, linkContext())).toMatchObject({ ok: true });

    // Queued again by two instances at once, or run again later: the same comments are never listed twice.
    const again = await Promise.all([work([], digest, new Date(start.getTime() + 49 * hour)), work([], digest, new Date(start.getTime() + 49 * hour))]);
    expect(again.map((result) => result.sent)).toEqual([0, 0]);
    const third = unique('Digest three');
    await submit({ name: 'Next day', body: third }, {}, digest);
    const raced = await Promise.all([work([], digest, new Date(start.getTime() + 25 * hour)), work([], digest, new Date(Date.now() + 25 * hour))]);
    expect(raced.reduce((total, result) => total + result.sent, 0)).toBe(1);
    const next = await sink.waitFor((m) => String(m.parsed.text).includes(third));
    expect(next.parsed.text).not.toContain(first);
  });
});

import 'server-only';
import type { Comment, CommentStore } from '@/lib/comments/comment-store';
import { renderCommentBody } from '@/lib/comments/markdown';
import type { ModerationDecision } from '@/lib/comments/moderation';
import { type MailLink, mailLinkLifetimeMs, type ModerationLink, readMailLink } from './links';

export interface MailLinkContext {
  store: CommentStore;
  now: Date;
  postTitle(slug: string): Promise<string>;
  /** Applies the decision as /admin does: pages regenerated, a published reply mailed. */
  moderate(id: number, decision: ModerationDecision): Promise<unknown>;
}

/** What a link's page says: why it cannot be used, or what its button will do. */
export type MailLinkView =
  | { kind: 'refused'; title: string; message: string }
  | {
      kind: 'ready';
      title: string;
      message: string;
      button: string;
      comment?: { authorName: string; postSlug: string; postTitle: string; html: string };
    };

/** What following the link did. */
export type MailLinkResult = { ok: boolean; title: string; message: string; postSlug?: string };

const refusals = {
  invalid: {
    title: 'This link does not work',
    message: 'It may have been cut short on its way. Open it from the message again, or copy the whole link.',
  },
  expired: {
    title: 'This link has expired',
    message: `Links in these messages work for ${mailLinkLifetimeMs / 86_400_000} days. Held comments can still be moderated in /admin; a reader can ask for replies by e-mail again with their next comment.`,
  },
  used: { title: 'This link has already been used', message: 'Each message’s links work once. Held comments can still be moderated in /admin.' },
  gone: { title: 'This comment no longer exists', message: 'It was deleted, so there is nothing left to do.' },
} as const;

const decisionWords: Record<ModerationDecision, { button: string; done: string }> = {
  approve: { button: 'Approve and publish', done: 'Approved: the comment is published.' },
  spam: { button: 'Mark as spam', done: 'Marked as spam: the comment will not be shown.' },
  delete: { button: 'Delete', done: 'Deleted.' },
};

const statusWords: Record<Comment['status'], string> = { approved: 'published', spam: 'marked as spam', pending: 'held' };

const refused = (reason: keyof typeof refusals) => ({ kind: 'refused', ...refusals[reason] }) as const;

function read(token: string, now: Date): MailLink | (typeof refusals)[keyof typeof refusals] {
  const parsed = readMailLink(token, now);
  return 'link' in parsed ? parsed.link : refusals[parsed.refused];
}

async function viewModeration(link: ModerationLink, context: MailLinkContext): Promise<MailLinkView> {
  if (await context.store.hasUsedMailLink(link.nonce)) return refused('used');
  const comment = await context.store.getComment(link.commentId);
  if (!comment) return refused('gone');
  if (comment.status !== 'pending') {
    return { kind: 'refused', title: 'This comment was already moderated', message: `It is ${statusWords[comment.status]}.` };
  }
  const postTitle = await context.postTitle(comment.postSlug);
  return {
    kind: 'ready',
    title: `${decisionWords[link.action].button}?`,
    message: `${comment.authorName} wrote on “${postTitle}”:`,
    button: decisionWords[link.action].button,
    comment: { authorName: comment.authorName, postSlug: comment.postSlug, postTitle, html: renderCommentBody(comment.body).html },
  };
}

/** The page a link opens: it reads, and changes nothing, since mail scanners open links too. */
export async function viewMailLink(token: string, context: MailLinkContext): Promise<MailLinkView> {
  const link = read(token, context.now);
  if (!('action' in link)) return { kind: 'refused', ...link };
  if (link.action === 'confirm') {
    const recipient = await context.store.getMailRecipient(link.address);
    if (recipient?.status === 'confirmed') return { kind: 'refused', title: 'Already confirmed', message: `Replies are sent to ${link.address}.` };
    if (recipient?.status !== 'unconfirmed') return refused('expired');
    return { kind: 'ready', title: 'Confirm replies by e-mail', message: `Send replies to your comments to ${link.address}?`, button: 'Confirm' };
  }
  if (link.action === 'unsubscribe') {
    return { kind: 'ready', title: 'Unsubscribe', message: `Stop e-mailing replies to ${link.address}?`, button: 'Unsubscribe' };
  }
  return viewModeration(link, context);
}

async function followModeration(link: ModerationLink, context: MailLinkContext): Promise<MailLinkResult> {
  const { store, now } = context;
  // Used before anything else, atomically: of two clicks at once, one does the work. Forgotten once expired anyway.
  if (!(await store.useMailLink(link.nonce, now, new Date(now.getTime() - mailLinkLifetimeMs)))) return { ok: false, ...refusals.used };
  const comment = await store.getComment(link.commentId);
  if (!comment) return { ok: false, ...refusals.gone };
  if (comment.status !== 'pending') return { ok: false, title: 'This comment was already moderated', message: `It is ${statusWords[comment.status]}.` };
  await context.moderate(comment.id, link.action);
  return { ok: true, title: decisionWords[link.action].done, message: `The comment by ${comment.authorName}.`, postSlug: link.action === 'approve' ? comment.postSlug : undefined };
}

/** What the button on the link's page does (and a mail client's one-click unsubscribe). */
export async function followMailLink(token: string, context: MailLinkContext): Promise<MailLinkResult> {
  const link = read(token, context.now);
  if (!('action' in link)) return { ok: false, ...link };
  const { store, now } = context;
  if (link.action === 'confirm') {
    const recipient = await store.getMailRecipient(link.address);
    if (recipient?.status === 'confirmed') return { ok: true, title: 'Already confirmed', message: `Replies are sent to ${link.address}.` };
    // Unsubscribed since this link was sent: only a new request (and a new link) may start mail again.
    if (recipient?.status !== 'unconfirmed') return { ok: false, ...refusals.expired };
    await store.setMailRecipient(link.address, 'confirmed', now);
    return { ok: true, title: 'Confirmed', message: `Replies to your comments will be sent to ${link.address}.` };
  }
  if (link.action === 'unsubscribe') {
    await store.setMailRecipient(link.address, 'unsubscribed', now);
    return { ok: true, title: 'Unsubscribed', message: `No more replies will be e-mailed to ${link.address}.` };
  }
  return followModeration(link, context);
}

import 'server-only';
import type { Comment, CommentStore } from '@/lib/comments/comment-store';
import type { MailKind } from '@/db/mail-kinds';
import { issueMailLink, issueModerationLinks, mailLinkLifetimeMs, mailLinkUrl, oneClickUnsubscribeUrl } from './links';
import { buildConfirmationMessage, buildModerationMessage, buildReplyMessage, type HeldCommentItem, type OutgoingMessage } from './messages';
import type { MailSettings } from './settings';

/** What happened to comments that someone may need to hear about. */
export type CommentMailEvent =
  | { kind: 'held'; commentId: number }
  | { kind: 'published'; commentId: number }
  | { kind: 'subscribed'; commentId: number; address: string };

export interface QueueContext {
  store: CommentStore;
  settings: MailSettings;
  now: Date;
  postTitle(slug: string): Promise<string>;
}

/** Addresses are compared and stored in lower case: one reader, one subscription status. */
export const normaliseAddress = (address: string) => address.trim().toLowerCase();

export function queueMessage(context: QueueContext, kind: MailKind, dedupeKey: string, message: OutgoingMessage, createdAt = context.now): Promise<boolean> {
  const { headers, ...parts } = message;
  return context.store.queueMail({ ...parts, headers: JSON.stringify(headers), kind, dedupeKey, createdAt });
}

export async function describeHeldComment(context: QueueContext, comment: Comment): Promise<HeldCommentItem> {
  return { comment, postTitle: await context.postTitle(comment.postSlug), links: issueModerationLinks(comment.id, context.now) };
}

async function queueHeld(context: QueueContext, commentId: number) {
  const { adminEmail, adminDigest } = context.settings;
  if (!adminEmail || adminDigest === 'daily') return;
  const comment = await context.store.getComment(commentId);
  if (comment?.status !== 'pending') return;
  // Held again after an edit, a comment is announced again.
  const key = `moderation:${comment.id}:${comment.editedAt?.getTime() ?? 0}`;
  await queueMessage(context, 'moderation', key, buildModerationMessage(adminEmail, await describeHeldComment(context, comment)));
}

async function queueReply(context: QueueContext, commentId: number) {
  const { store } = context;
  const reply = await store.getComment(commentId);
  if (reply?.status !== 'approved' || reply.parentId === null) return;
  const address = await store.getReplySubscription(reply.parentId);
  if (!address || (await store.getMailRecipient(address))?.status !== 'confirmed') return;
  if (reply.authorEmail && normaliseAddress(reply.authorEmail) === address) return;
  const token = issueMailLink({ action: 'unsubscribe', address });
  const message = buildReplyMessage(address, {
    reply,
    postTitle: await context.postTitle(reply.postSlug),
    unsubscribe: { page: mailLinkUrl(token), oneClick: oneClickUnsubscribeUrl(token) },
  });
  await queueMessage(context, 'reply', `reply:${reply.id}`, message);
}

/**
 * Double opt-in: an address that is not confirmed gets one confirmation, and nothing else until it is
 * confirmed. Asking again sends another only once the last one's link has expired, so that nobody can
 * flood someone else's inbox by ticking the box with their address.
 */
async function queueSubscription(context: QueueContext, commentId: number, rawAddress: string) {
  const { store, now } = context;
  const address = normaliseAddress(rawAddress);
  await store.subscribeToReplies(commentId, address);
  const known = await store.getMailRecipient(address);
  if (known?.status === 'confirmed') return;
  if (known?.status === 'unconfirmed' && now.getTime() - known.updatedAt.getTime() < mailLinkLifetimeMs) return;
  const recipient = await store.setMailRecipient(address, 'unconfirmed', now);
  const confirmUrl = mailLinkUrl(issueMailLink({ action: 'confirm', address, expiresAt: now.getTime() + mailLinkLifetimeMs }));
  await queueMessage(context, 'confirmation', `confirmation:${address}:${recipient.updatedAt.getTime()}`, buildConfirmationMessage(address, confirmUrl));
}

/** Writes the messages these events call for to the outbox; sending is another step. */
export async function queueCommentMail(context: QueueContext, events: CommentMailEvent[]): Promise<void> {
  for (const event of events) {
    if (event.kind === 'held') await queueHeld(context, event.commentId);
    else if (event.kind === 'published') await queueReply(context, event.commentId);
    else await queueSubscription(context, event.commentId, event.address);
  }
}

import 'server-only';
import type { CommentStore } from '@/lib/comments/comment-store';
import { getPostSummary } from '@/lib/content/posts';
import { queueDigestIfDue } from './digest';
import { defaultDelivery, deliverDueMail, type DeliveryOptions } from './outbox';
import { type CommentMailEvent, queueCommentMail } from './queue';
import type { MailSettings } from './settings';

export interface MailWorkContext {
  store: CommentStore;
  settings: MailSettings;
  now(): Date;
  postTitle(slug: string): Promise<string>;
  delivery?: DeliveryOptions;
}

/** A post's title for a message; a post gone since the comment was written is named by its slug. */
export async function findPostTitle(slug: string): Promise<string> {
  return (await getPostSummary(slug))?.title ?? slug;
}

/**
 * All of Folio's mail work, in the order it must happen: the messages these events call for, then the
 * digest if one is due, then every due message, new or to be retried. Each step runs even if one
 * before it failed, so that a message queued earlier is still sent.
 */
export async function runMailWork(context: MailWorkContext, events: CommentMailEvent[] = []): Promise<{ sent: number; unsent: number }> {
  const queueContext = { store: context.store, settings: context.settings, postTitle: context.postTitle, now: context.now() };
  const steps = [() => queueCommentMail(queueContext, events), () => queueDigestIfDue({ ...queueContext, now: context.now() })];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      console.error('Mail could not be queued:', error);
    }
  }
  return deliverDueMail(context.store, context.settings, context.delivery ?? defaultDelivery);
}

import 'server-only';
import { applyModeration } from '@/lib/comments/moderation-request';
import { getCommentStore } from '@/lib/comments/store';
import type { MailLinkContext } from './link-actions';
import { findPostTitle } from './work';

/** A mail link followed in the current request: moderation goes through the same path as /admin's buttons. */
export function getMailLinkContext(): MailLinkContext {
  return { store: getCommentStore(), now: new Date(), postTitle: findPostTitle, moderate: applyModeration };
}

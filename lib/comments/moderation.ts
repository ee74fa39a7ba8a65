import type { CommentMailEvent } from '@/lib/mail/queue';
import type { Comment, CommentStore } from './comment-store';

export const moderationDecisions = ['approve', 'spam', 'delete'] as const;
export type ModerationDecision = (typeof moderationDecisions)[number];

export interface ModerationOutcome {
  /** The comment as it was before the decision. */
  before: Comment;
  /** Posts whose pages must be regenerated. */
  changedPosts: string[];
  mail: CommentMailEvent[];
}

/** The blogger's decision on a comment, from /admin or from a link in a message; undefined if there is no such comment. */
export async function moderateStoredComment(store: CommentStore, id: number, decision: ModerationDecision): Promise<ModerationOutcome | undefined> {
  const before = await store.getComment(id);
  if (!before) return undefined;
  if (decision === 'delete') await store.deleteComment(id);
  else await store.setStatus(id, decision === 'approve' ? 'approved' : 'spam');
  const wasOrIsShown = before.status === 'approved' || decision === 'approve';
  const published = decision === 'approve' && before.status !== 'approved';
  return {
    before,
    changedPosts: wasOrIsShown ? [before.postSlug] : [],
    mail: published ? [{ kind: 'published', commentId: id }] : [],
  };
}

import 'server-only';
import { scheduleMailWork } from '@/lib/mail/schedule';
import { type ModerationDecision, type ModerationOutcome, moderateStoredComment } from './moderation';
import { revalidateCommentPages } from './revalidate';
import { getCommentStore } from './store';

/** Applies a moderation decision in the current request: the pages it changed are regenerated, and a published reply is mailed. */
export async function applyModeration(id: number, decision: ModerationDecision): Promise<ModerationOutcome | undefined> {
  const outcome = await moderateStoredComment(getCommentStore(), id, decision);
  if (!outcome) return undefined;
  revalidateCommentPages(outcome.changedPosts);
  scheduleMailWork(outcome.mail);
  return outcome;
}

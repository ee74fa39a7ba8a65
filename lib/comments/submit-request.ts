import 'server-only';
import { headers } from 'next/headers';
import { hasAdminSession } from '@/lib/admin/session';
import { scheduleMailWork } from '@/lib/mail/schedule';
import { getPostSummary } from '@/lib/content/posts';
import { getClientIp } from '@/lib/security/client-ip';
import type { CommentFormState } from './form-state';
import { revalidateCommentPages } from './revalidate';
import { getCommentSettings } from './settings';
import { getCommentStore } from './store';
import { handleCommentSubmission } from './submit';

/**
 * Handles a comment form posted in the current request, regenerates the pages it changed and, once
 * the reader has the answer, sends the mail it calls for.
 * Whether the comment is the author's comes from the blogger's session cookie alone.
 */
export async function submitCommentRequest(form: FormData): Promise<CommentFormState> {
  const outcome = await handleCommentSubmission(form, {
    openStore: getCommentStore,
    settings: getCommentSettings(),
    now: new Date(),
    ip: getClientIp(await headers()),
    isPost: async (slug) => (await getPostSummary(slug)) !== undefined,
    asAuthor: await hasAdminSession(),
  });
  revalidateCommentPages(outcome.changedPosts);
  scheduleMailWork(outcome.mail);
  return outcome.state;
}

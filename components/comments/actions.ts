'use server';

import { cookies, headers } from 'next/headers';
import type { CommentFormState } from '@/lib/comments/form-state';
import { readOwnComments, writeOwnComments } from '@/lib/comments/own-comments';
import { revalidateCommentPages } from '@/lib/comments/revalidate';
import { getCommentSettings } from '@/lib/comments/settings';
import { getCommentStore } from '@/lib/comments/store';
import { handleCommentSubmission } from '@/lib/comments/submit';
import { getPostSummary } from '@/lib/content/posts';
import { getClientIp, isHttps } from '@/lib/security/client-ip';

/** The comment form's one action: post a comment or reply, or edit or delete one's own. */
export async function submitComment(_previous: CommentFormState, form: FormData): Promise<CommentFormState> {
  const requestHeaders = await headers();
  const jar = await cookies();
  const outcome = await handleCommentSubmission(form, {
    openStore: getCommentStore,
    settings: getCommentSettings(),
    now: new Date(),
    ip: getClientIp(requestHeaders),
    ownCommentIds: readOwnComments(jar),
    isPost: async (slug) => (await getPostSummary(slug)) !== undefined,
  });
  if (outcome.ownCommentIds) writeOwnComments(jar, outcome.ownCommentIds, isHttps(requestHeaders));
  revalidateCommentPages(outcome.changedPosts);
  return outcome.state;
}

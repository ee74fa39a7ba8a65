'use server';

import { headers } from 'next/headers';
import type { CommentFormState } from '@/lib/comments/form-state';
import { revalidateCommentPages } from '@/lib/comments/revalidate';
import { getCommentSettings } from '@/lib/comments/settings';
import { getCommentStore } from '@/lib/comments/store';
import { handleCommentSubmission } from '@/lib/comments/submit';
import { getPostSummary } from '@/lib/content/posts';
import { getClientIp } from '@/lib/security/client-ip';

/** The comment form's one action: post a comment or reply, or edit or delete one's own. */
export async function submitComment(_previous: CommentFormState, form: FormData): Promise<CommentFormState> {
  const outcome = await handleCommentSubmission(form, {
    openStore: getCommentStore,
    settings: getCommentSettings(),
    now: new Date(),
    ip: getClientIp(await headers()),
    isPost: async (slug) => (await getPostSummary(slug)) !== undefined,
  });
  revalidateCommentPages(outcome.changedPosts);
  return outcome.state;
}

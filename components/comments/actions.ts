'use server';

import type { CommentFormState } from '@/lib/comments/form-state';
import { submitCommentRequest } from '@/lib/comments/submit-request';

/** The comment form's one action: post a comment or reply, or edit or delete one's own. */
export async function submitComment(_previous: CommentFormState, form: FormData): Promise<CommentFormState> {
  return submitCommentRequest(form);
}

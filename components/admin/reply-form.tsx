'use client';

import { useActionState } from 'react';
import { initialCommentFormState } from '@/lib/comments/form-state';
import { replyAsAuthor } from './actions';
import styles from './admin.module.css';

interface ReplyFormProps {
  comment: { id: number; postSlug: string; authorName: string };
  /** A held comment is approved by the reply, so that the reply never shows without it. */
  held: boolean;
}

/** The blogger's answer to a comment, posted as the author's and published at once. */
export function ReplyForm({ comment, held }: ReplyFormProps) {
  const [state, formAction, pending] = useActionState(replyAsAuthor, initialCommentFormState);
  const fieldId = `reply-${comment.id}`;
  const bodyError = state.kind === 'error' ? state.fieldErrors.body : undefined;
  return (
    <details open={state.kind === 'idle' ? undefined : true}>
      <summary>{held ? 'Approve and reply' : 'Reply'}</summary>
      <form action={formAction} className={styles.edit} aria-label={`Reply to ${comment.authorName}`}>
        <input type="hidden" name="postSlug" value={comment.postSlug} />
        <input type="hidden" name="parentId" value={comment.id} />
        <label htmlFor={fieldId}>Your reply</label>
        <textarea
          id={fieldId}
          name="body"
          rows={4}
          maxLength={5_000}
          required
          defaultValue={state.kind === 'error' ? state.values.body : ''}
          {...(bodyError ? { 'aria-invalid': true, 'aria-describedby': `${fieldId}-error` } : {})}
        />
        {bodyError ? (
          <span id={`${fieldId}-error`} className={styles.error}>
            {bodyError}
          </span>
        ) : null}
        <button type="submit" disabled={pending}>
          {held ? 'Approve and post reply' : 'Post reply'}
        </button>
      </form>
      <p aria-live="polite" className={state.kind === 'error' ? styles.error : undefined}>
        {state.kind === 'idle' ? null : state.message}
      </p>
    </details>
  );
}

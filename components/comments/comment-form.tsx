'use client';

import { useActionState, useId, useRef, useState } from 'react';
import { type CommentFormState, initialCommentFormState, type OwnComment } from '@/lib/comments/form-state';
import type { CommentField } from '@/lib/comments/validation';
import { submitComment } from './actions';
import styles from './comments.module.css';

interface CommentFormProps {
  postSlug: string;
  /** Signed time of the server render; replaced by a fresh one when the reader starts typing. */
  formToken: string;
  replyTo?: { id: number; authorName: string };
  /** Mail is set up (SMTP_URL): readers may ask to be sent the replies to their comment. */
  offerReplyMail: boolean;
}

function Field({
  id,
  name,
  label,
  hint,
  state,
  children,
}: {
  id: string;
  name: CommentField;
  label: string;
  hint?: string;
  state: CommentFormState;
  children: (props: { id: string; name: CommentField; defaultValue: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => React.ReactNode;
}) {
  const error = state.kind === 'error' ? state.fieldErrors[name] : undefined;
  const defaultValue = state.kind === 'error' ? state.values[name] : '';
  return (
    <p className={styles.field}>
      <label htmlFor={`${id}-${name}`}>
        {label}
        {hint ? <span className={styles.hint}> {hint}</span> : null}
      </label>
      {children({
        id: `${id}-${name}`,
        name,
        defaultValue,
        ...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-${name}-error` } : {}),
      })}
      {error ? (
        <span id={`${id}-${name}-error`} className={styles.fieldError}>
          {error}
        </span>
      ) : null}
    </p>
  );
}

function OwnCommentPanel({ id, comment, state, pending, formAction }: { id: string; comment: OwnComment; state: CommentFormState; pending: boolean; formAction: (form: FormData) => void }) {
  const until = new Date(comment.editableUntil);
  return (
    <div className={styles.own}>
      {comment.status === 'pending' ? (
        <article className={styles.preview} aria-label="Your comment">
          <p className={styles.meta}>{comment.authorName}</p>
          <div className={styles.body} dangerouslySetInnerHTML={{ __html: comment.html }} />
        </article>
      ) : (
        <p>
          <a href={`#comment-${comment.id}`}>See your comment</a>
        </p>
      )}
      <form action={formAction} className={styles.form}>
        <input type="hidden" name="commentId" value={comment.id} />
        <input type="hidden" name="editToken" value={comment.editToken} />
        <Field id={`${id}-edit`} name="body" label="Edit your comment" state={state} hint={`(until ${until.toISOString().slice(11, 16)} UTC)`}>
          {(props) => <textarea {...props} defaultValue={state.kind === 'error' ? props.defaultValue : comment.body} rows={5} required />}
        </Field>
        <p className={styles.actions}>
          <button type="submit" name="intent" value="edit" disabled={pending}>
            Save changes
          </button>
          <button type="submit" name="intent" value="delete" disabled={pending} className={styles.secondary} formNoValidate>
            Delete
          </button>
        </p>
      </form>
    </div>
  );
}

/**
 * The comment form: a plain form posting to a server action, so it works before (or without)
 * JavaScript; with it, the result shows without a reload.
 */
export function CommentForm({ postSlug, formToken, replyTo, offerReplyMail }: CommentFormProps) {
  const [state, formAction, pending] = useActionState(submitComment, initialCommentFormState);
  const id = useId();
  const [token, setToken] = useState(formToken);
  const tokenRequested = useRef(false);
  const ownComment = state.kind === 'saved' ? state.comment : state.kind === 'error' ? state.comment : undefined;
  // After a comment is saved the form stays, empty, for another one; errors about an edit belong to the edit form.
  const postState = ownComment ? initialCommentFormState : state;

  function refreshToken() {
    if (tokenRequested.current) return;
    tokenRequested.current = true;
    fetch('/api/comments/form-token')
      .then((response) => response.json() as Promise<{ token: string }>)
      .then((fresh) => setToken(fresh.token))
      .catch(() => undefined);
  }

  const message =
    state.kind === 'idle' ? null : (
      <p className={state.kind === 'error' ? styles.error : styles.success} role={state.kind === 'error' ? 'alert' : undefined}>
        {state.message}
      </p>
    );

  const content = (
    <div className={styles.formArea}>
      <div aria-live="polite">{message}</div>
      {/* A dropped (honeypot) submission comes back as comment 0: nothing to edit. */}
      {ownComment && ownComment.id > 0 ? (
        <OwnCommentPanel id={id} comment={ownComment} state={state} pending={pending} formAction={formAction} />
      ) : null}
      <form action={formAction} className={styles.form} onFocus={refreshToken} aria-label={replyTo ? `Reply to ${replyTo.authorName}` : 'Leave a comment'}>
        <input type="hidden" name="postSlug" value={postSlug} />
        {replyTo ? <input type="hidden" name="parentId" value={replyTo.id} /> : null}
        <input type="hidden" name="formToken" value={token} />
        <Field id={id} name="name" label="Name" state={postState}>
          {(props) => <input {...props} autoComplete="name" maxLength={80} required />}
        </Field>
        <Field id={id} name="email" label="Email" hint="(optional, never shown)" state={postState}>
          {(props) => <input {...props} type="email" autoComplete="email" />}
        </Field>
        <Field id={id} name="website" label="Website" hint="(optional)" state={postState}>
          {(props) => <input {...props} type="url" autoComplete="url" placeholder="https://" />}
        </Field>
        {offerReplyMail ? (
          <p className={styles.checkbox}>
            <input
              id={`${id}-notifyReplies`}
              name="notifyReplies"
              type="checkbox"
              value="on"
              defaultChecked={postState.kind === 'error' && postState.values.notifyReplies !== ''}
            />
            <label htmlFor={`${id}-notifyReplies`}>
              E-mail me replies<span className={styles.hint}> (needs your e-mail address; you will be asked to confirm it)</span>
            </label>
          </p>
        ) : null}
        <p className={styles.honeypot} aria-hidden="true">
          <label htmlFor={`${id}-homepage`}>Leave this field empty</label>
          <input id={`${id}-homepage`} name="homepage" tabIndex={-1} autoComplete="off" />
        </p>
        <Field id={id} name="body" label="Comment" hint="(Markdown: *emphasis*, `code`, [links](https://…), > quotes, lists)" state={postState}>
          {(props) => <textarea {...props} rows={6} maxLength={5_000} required />}
        </Field>
        <p className={styles.actions}>
          <button type="submit" name="intent" value="post" disabled={pending}>
            {pending ? 'Posting…' : replyTo ? 'Post reply' : 'Post comment'}
          </button>
        </p>
      </form>
    </div>
  );
  if (!replyTo) return content;
  // A reply form folds away under its comment; it stays open once it has something to say.
  return (
    <details className={styles.reply} open={state.kind === 'idle' ? undefined : true}>
      <summary>Reply</summary>
      {content}
    </details>
  );
}

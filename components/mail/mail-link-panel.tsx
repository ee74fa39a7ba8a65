'use client';

import { useActionState } from 'react';
import type { MailLinkView } from '@/lib/mail/link-actions';
import { followMailLinkAction } from './actions';
import { initialMailLinkFormState } from './form-state';

/**
 * A mail link's page: what the link would do and the button that does it, then what it did. One
 * client component for both, so that the answer stays when the action's revalidation renders the
 * page again (by then the link reads as used). A plain form: it works without JavaScript.
 */
export function MailLinkPanel({ token, view }: { token: string; view: MailLinkView }) {
  const [state, formAction, pending] = useActionState(followMailLinkAction, initialMailLinkFormState);
  if (state.kind === 'done') {
    return (
      <div aria-live="polite">
        <h1>{state.title}</h1>
        <p>{state.message}</p>
        {state.postSlug ? (
          <p>
            <a href={`/blog/${state.postSlug}#comments`}>See it on the post</a>
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div aria-live="polite">
      <h1>{view.title}</h1>
      <p>{view.message}</p>
      {view.kind === 'ready' && view.comment ? (
        <blockquote aria-label={`Comment by ${view.comment.authorName}`} dangerouslySetInnerHTML={{ __html: view.comment.html }} />
      ) : null}
      {view.kind === 'ready' ? (
        <form action={formAction}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" disabled={pending}>
            {view.button}
          </button>
        </form>
      ) : null}
    </div>
  );
}

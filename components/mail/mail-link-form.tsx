'use client';

import { useActionState } from 'react';
import { followMailLinkAction } from './actions';
import { initialMailLinkFormState } from './form-state';

/** The confirming button of a mail link's page; a plain form, so that it works without JavaScript. */
export function MailLinkForm({ token, button }: { token: string; button: string }) {
  const [state, formAction, pending] = useActionState(followMailLinkAction, initialMailLinkFormState);
  return (
    <div aria-live="polite">
      {state.kind === 'done' ? (
        <>
          <h2>{state.title}</h2>
          <p>{state.message}</p>
          {state.postSlug ? (
            <p>
              <a href={`/blog/${state.postSlug}#comments`}>See it on the post</a>
            </p>
          ) : null}
        </>
      ) : (
        <form action={formAction}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" disabled={pending}>
            {button}
          </button>
        </form>
      )}
    </div>
  );
}

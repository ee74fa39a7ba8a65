'use client';

import { useActionState } from 'react';
import { signIn, type SignInState } from './actions';
import styles from './admin.module.css';

export function SignInForm() {
  const [state, formAction, pending] = useActionState(signIn, {} satisfies SignInState);
  return (
    <form action={formAction} className={styles.signIn}>
      <label htmlFor="admin-password">Password</label>
      <input id="admin-password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending}>
        Sign in
      </button>
      <p aria-live="polite" className={styles.error}>
        {state.message}
      </p>
    </form>
  );
}

import type { Metadata } from 'next';
import { connection } from 'next/server';
import { signOut } from '@/components/admin/actions';
import { MailStatus } from '@/components/admin/mail-status';
import { ModerationList } from '@/components/admin/moderation-list';
import { SignInForm } from '@/components/admin/sign-in-form';
import { getAdminPassword, hasAdminSession } from '@/lib/admin/session';
import { getCommentStore } from '@/lib/comments/store';
import { defaultDelivery } from '@/lib/mail/outbox';
import { scheduleMailWork } from '@/lib/mail/schedule';
import { tryMailSettings } from '@/lib/mail/settings';

export const metadata: Metadata = { title: 'Moderation', robots: { index: false, follow: false } };

async function loadModerationLists() {
  const store = getCommentStore();
  try {
    const [held, published, failedMail] = await Promise.all([store.listByStatus('pending', 100), store.listByStatus('approved', 20), store.listFailedMail(20)]);
    return { held, published, failedMail };
  } catch (error) {
    console.error('Moderation lists could not be read:', error);
    return undefined;
  }
}

export default async function AdminPage() {
  // Rendered for each request: the password and the session are only known at run time.
  await connection();
  if (!getAdminPassword()) {
    return (
      <>
        <h1>Moderation</h1>
        <p>
          The admin area is disabled. To enable it, set the <code>ADMIN_PASSWORD</code> environment variable and restart
          Folio.
        </p>
      </>
    );
  }
  if (!(await hasAdminSession())) {
    return (
      <>
        <h1>Moderation</h1>
        <SignInForm />
      </>
    );
  }
  const lists = await loadModerationLists();
  if (!lists) {
    return (
      <>
        <h1>Moderation</h1>
        <p role="alert">The comments database is unavailable — please try again in a moment.</p>
      </>
    );
  }
  const { held, published, failedMail } = lists;
  // The blogger's visit is a request like any other: a due digest or a retry goes out after it.
  scheduleMailWork();
  return (
    <>
      <h1>Moderation</h1>
      <form action={signOut}>
        <button type="submit">Sign out</button>
      </form>
      <MailStatus settings={tryMailSettings()} failed={failedMail} maxAttempts={defaultDelivery.maxAttempts} />
      <section aria-labelledby="held-title">
        <h2 id="held-title">Waiting for moderation ({held.length})</h2>
        {held.length > 0 ? <ModerationList comments={held} held /> : <p>Nothing is waiting.</p>}
      </section>
      <section aria-labelledby="published-title">
        <h2 id="published-title">Recently published</h2>
        {published.length > 0 ? <ModerationList comments={published} held={false} /> : <p>No comments yet.</p>}
      </section>
    </>
  );
}

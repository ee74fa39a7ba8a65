import type { OutboxMail } from '@/lib/comments/comment-store';
import { formatCommentDate } from '@/lib/comments/format';
import type { MailSettings } from '@/lib/mail/settings';

/** How held comments reach the blogger by e-mail, and every message that could not be sent. */
export function MailStatus({ settings, failed, maxAttempts }: { settings: MailSettings | Error | undefined; failed: OutboxMail[]; maxAttempts: number }) {
  if (!settings) return <p>E-mail is off: set SMTP_URL to be told about held comments and to let readers get replies by e-mail.</p>;
  if (settings instanceof Error) return <p role="alert">{settings.message}</p>;
  const to = settings.adminEmail
    ? `Held comments are e-mailed to ${settings.adminEmail}${settings.adminDigest === 'daily' ? ' in a daily digest' : ', one message each'}.`
    : 'Set FOLIO_ADMIN_EMAIL to be e-mailed about held comments.';
  return (
    <section aria-labelledby="mail-title">
      <h2 id="mail-title">E-mail</h2>
      <p>{to}</p>
      {failed.length > 0 ? (
        <>
          <p role="alert">Some messages could not be sent ({failed.length}):</p>
          <ul>
            {failed.map((mail) => (
              <li key={mail.id}>
                “{mail.subject}” to {mail.recipient}: {mail.lastError} ({mail.attempts} {mail.attempts === 1 ? 'attempt' : 'attempts'};{' '}
                {mail.attempts >= maxAttempts ? 'given up' : `next try after ${formatCommentDate(mail.nextAttemptAt)}`})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

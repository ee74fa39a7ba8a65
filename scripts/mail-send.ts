// `npm run mail:send`: queues the daily digest if it is due and sends every message that is due or to be
// retried. Folio does this after comments and /admin visits by itself; run this from cron or a host's
// scheduler so that a digest goes out on time on a quiet blog too (docs/comments.md).
import { resolveDatabaseTarget } from '@/db/connection.mjs';
import { createCommentStore } from '@/lib/comments/store';
import { getMailSettings } from '@/lib/mail/settings';
import { findPostTitle, runMailWork } from '@/lib/mail/work';

const settings = getMailSettings();
if (!settings) {
  console.log('SMTP_URL is not set: Folio sends no mail.');
  process.exit(0);
}
const store = createCommentStore(resolveDatabaseTarget());
try {
  const { sent, unsent } = await runMailWork({ store, settings, now: () => new Date(), postTitle: findPostTitle });
  console.log(`Sent ${sent} message${sent === 1 ? '' : 's'}${unsent > 0 ? `; ${unsent} could not be sent and will be tried again (see /admin)` : ''}.`);
  if (unsent > 0) process.exitCode = 1;
} finally {
  await store.close();
}

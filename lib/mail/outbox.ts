import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CommentStore, OutboxMail } from '@/lib/comments/comment-store';
import type { MailSettings } from './settings';
import { sendOutboxMail } from './transport';

export interface DeliveryOptions {
  /** Waits between the tries made at once, after the response; the rest wait for later requests (or `npm run mail:send`). */
  retryDelaysMs: number[];
  /** The wait after those, doubling with each further attempt (at most 12 hours). */
  laterRetryMs: number;
  /** A message tried this often in all is given up, and stays listed in /admin. */
  maxAttempts: number;
}

export const defaultDelivery: DeliveryOptions = { retryDelaysMs: [2_000, 10_000], laterRetryMs: 5 * 60_000, maxAttempts: 8 };

/** Longer than one try can take (see the transport's timeouts), so that no other sender takes a message being sent. */
const leaseMs = 2 * 60_000;
const batchSize = 20;

function laterRetryMs(attempts: number, options: DeliveryOptions): number {
  const triedAtOnce = options.retryDelaysMs.length + 1;
  return Math.min(options.laterRetryMs * 2 ** Math.max(0, attempts - triedAtOnce), 12 * 3_600_000);
}

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

async function deliver(store: CommentStore, settings: MailSettings, listed: OutboxMail, options: DeliveryOptions): Promise<boolean> {
  let current: Pick<OutboxMail, 'id' | 'attempts'> = listed;
  for (let tryIndex = 0; ; tryIndex += 1) {
    const now = new Date();
    const claimed = await store.claimMail(current, now, new Date(now.getTime() + leaseMs));
    if (!claimed) return false;
    try {
      await sendOutboxMail(settings, claimed);
      await store.markMailSent(claimed.id, new Date());
      return true;
    } catch (error) {
      const delay = options.retryDelaysMs[tryIndex];
      const givingUp = claimed.attempts >= options.maxAttempts;
      const waitMs = delay ?? laterRetryMs(claimed.attempts, options);
      console.error(
        `Mail ${claimed.id} (${claimed.kind}) to ${claimed.recipient} failed, attempt ${claimed.attempts}${givingUp ? ', giving up' : ''}:`,
        describeError(error),
      );
      await store.markMailFailed(claimed.id, describeError(error), new Date(Date.now() + waitMs));
      if (givingUp || delay === undefined) return false;
      await sleep(delay);
      current = claimed;
    }
  }
}

/** Sends every message that is due, each with a few tries; what still fails waits in the outbox. */
export async function deliverDueMail(store: CommentStore, settings: MailSettings, options: DeliveryOptions = defaultDelivery): Promise<{ sent: number; unsent: number }> {
  const due = await store.listDueMail(new Date(), options.maxAttempts, batchSize);
  let sent = 0;
  for (const mail of due) if (await deliver(store, settings, mail, options)) sent += 1;
  return { sent, unsent: due.length - sent };
}

import 'server-only';
import { buildDigestMessage } from './messages';
import { describeHeldComment, type QueueContext, queueMessage } from './queue';

const dayMs = 24 * 3_600_000;
/** More than a blogger reads in one message; the rest wait for the next digest or /admin. */
const maxDigestComments = 50;

/**
 * With FOLIO_ADMIN_DIGEST=daily: queues the list of comments held since the last digest once the
 * oldest of them has waited a day. So no comment waits for its digest more than a day, and digests
 * come at least a day apart. There is no timer: whatever runs Folio's mail work (a comment, a visit
 * to /admin, `npm run mail:send`) checks, which is what a serverless host without cron allows.
 */
export async function queueDigestIfDue(context: QueueContext): Promise<boolean> {
  const { store, settings, now } = context;
  if (!settings.adminEmail || settings.adminDigest !== 'daily') return false;
  // A digest is stamped with the time of the newest comment it lists: what came later is for the next one.
  const previous = await store.latestMailAt('digest');
  const held = (await store.listByStatus('pending', 1_000))
    .filter((comment) => !previous || comment.createdAt > previous)
    .toSorted((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .slice(0, maxDigestComments);
  const oldest = held[0];
  const newest = held.at(-1);
  if (!oldest || !newest || now.getTime() - oldest.createdAt.getTime() < dayMs) return false;
  const items = await Promise.all(held.map((comment) => describeHeldComment(context, comment)));
  // Keyed by the digest before it: of two instances that find it due at once, one queues it.
  return queueMessage(context, 'digest', `digest:after:${previous?.getTime() ?? 0}`, buildDigestMessage(settings.adminEmail, items), newest.createdAt);
}

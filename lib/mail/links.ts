import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type ModerationDecision, moderationDecisions } from '@/lib/comments/moderation';
import { absoluteUrl } from '@/lib/share/urls';
import { sign, verify } from '@/lib/security/signing';

/** Moderation and confirmation links stop working after this; unsubscribe links never do. */
export const mailLinkLifetimeMs = 7 * 24 * 3_600_000;


const linkSchema = z.discriminatedUnion('action', [
  /** `nonce` is shared by the three links of one held comment in one message: using any of them uses all. */
  z.object({ action: z.enum(moderationDecisions), commentId: z.number().int().positive(), nonce: z.string().min(16), expiresAt: z.number() }),
  z.object({ action: z.literal('confirm'), address: z.string(), expiresAt: z.number() }),
  z.object({ action: z.literal('unsubscribe'), address: z.string() }),
]);

export type MailLink = z.infer<typeof linkSchema>;
export type ModerationLink = Extract<MailLink, { action: ModerationDecision }>;

const purpose = 'mail-link';

/** A token for the link: the signed link itself, so the database holds nothing until a single-use one is used. */
export function issueMailLink(link: MailLink): string {
  return sign(purpose, Buffer.from(JSON.stringify(link)).toString('base64url'));
}

export type ReadMailLink = { link: MailLink } | { refused: 'invalid' | 'expired' };

export function readMailLink(token: string, now: Date): ReadMailLink {
  const payload = verify(purpose, token);
  if (payload === undefined) return { refused: 'invalid' };
  let link: MailLink;
  try {
    link = linkSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return { refused: 'invalid' };
  }
  if ('expiresAt' in link && link.expiresAt <= now.getTime()) return { refused: 'expired' };
  return { link };
}

/** Approve, spam and delete links for one held comment, single-use together. */
export function issueModerationLinks(commentId: number, now: Date): Record<ModerationDecision, string> {
  const nonce = randomBytes(16).toString('base64url');
  const expiresAt = now.getTime() + mailLinkLifetimeMs;
  const url = (action: ModerationDecision) => mailLinkUrl(issueMailLink({ action, commentId, nonce, expiresAt }));
  return { approve: url('approve'), spam: url('spam'), delete: url('delete') };
}

/** The page that shows what the link will do, with the button that does it: opening a link never changes anything. */
export function mailLinkUrl(token: string): string {
  return absoluteUrl(`/mail/${token}`);
}

/** Where mail clients POST a one-click unsubscribe (RFC 8058). */
export function oneClickUnsubscribeUrl(token: string): string {
  return absoluteUrl(`/mail/${token}/one-click`);
}

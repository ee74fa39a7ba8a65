import 'server-only';
import { createHash } from 'node:crypto';
import { cookies } from 'next/headers';
import type { CommentStore } from '@/lib/comments/comment-store';
import { checkRateLimit, formatRetryMessage } from '@/lib/security/rate-limit';
import { hashIdentity, safeEqual, sign, verify } from '@/lib/security/signing';

/**
 * Sent with every request to the site, not only to /admin: the comment form on a post page posts
 * to the post, and its action must know whether the blogger is signed in.
 */
const cookieName = 'folio-session';
const sessionHours = 12;
const loginLimit = { attempts: 5, minutes: 15 };

/** The blogger's password; without it the admin area is switched off. */
export function getAdminPassword(): string | undefined {
  return process.env.ADMIN_PASSWORD || undefined;
}

/** Sessions are bound to the password, so changing it signs every session out. */
function sessionPurpose(password: string): string {
  return `admin-session:${createHash('sha256').update(password).digest('base64url')}`;
}

export async function hasAdminSession(now = new Date()): Promise<boolean> {
  const password = getAdminPassword();
  if (!password) return false;
  const expiresAt = Number(verify(sessionPurpose(password), (await cookies()).get(cookieName)?.value));
  return Number.isFinite(expiresAt) && expiresAt > now.getTime();
}

export async function startAdminSession(password: string, secure: boolean, now = new Date()): Promise<void> {
  const expiresAt = now.getTime() + sessionHours * 3_600_000;
  (await cookies()).set(cookieName, sign(sessionPurpose(password), String(expiresAt)), {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    maxAge: sessionHours * 3_600,
    secure,
  });
}

export async function endAdminSession(): Promise<void> {
  (await cookies()).delete({ name: cookieName, path: '/' });
}

export type SignInResult = { ok: true } | { ok: false; message: string };

/** Checks a sign-in attempt; failed attempts are counted per client in the database. */
export async function checkSignIn(store: CommentStore, attempt: string, ip: string, now = new Date()): Promise<SignInResult> {
  const password = getAdminPassword();
  if (!password) return { ok: false, message: 'The admin area is disabled.' };
  const ipHash = hashIdentity('ip', ip);
  const windowStart = new Date(now.getTime() - loginLimit.minutes * 60_000);
  const limit = checkRateLimit(await store.listLoginFailures(ipHash, windowStart), loginLimit.attempts, windowStart);
  if (limit.limited) return { ok: false, message: formatRetryMessage('sign-in attempts', limit.retryInMinutes) };
  if (safeEqual(attempt, password)) return { ok: true };
  await store.recordLoginFailure(ipHash, now);
  return { ok: false, message: 'That password is not right.' };
}

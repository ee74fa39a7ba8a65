import 'server-only';
import { sign, verify } from '@/lib/security/signing';

const purpose = 'comment-form-time';

/** A signed "the form was shown at" time; the form sends it back with the comment. */
export function issueFormToken(now: Date): string {
  return sign(purpose, String(now.getTime()));
}

export function checkFormToken(token: string | undefined, now: Date, minSeconds: number): 'ok' | 'too-fast' | 'invalid' {
  const shownAt = Number(verify(purpose, token));
  if (!Number.isFinite(shownAt) || shownAt <= 0) return 'invalid';
  return now.getTime() - shownAt < minSeconds * 1_000 ? 'too-fast' : 'ok';
}

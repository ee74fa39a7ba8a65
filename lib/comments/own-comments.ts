import 'server-only';
import { z } from 'zod';
import { sign, verify } from '@/lib/security/signing';
import { getCommentSettings } from './settings';

type CookieJar = {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: { httpOnly: boolean; sameSite: 'lax'; path: string; maxAge: number; secure: boolean }): unknown;
};

const cookieName = 'folio-own-comments';
const purpose = 'own-comments';
const idsSchema = z.array(z.number().int().positive());

/** The comments this browser posted, as vouched for by the signed cookie (no account needed). */
export function readOwnComments(jar: CookieJar): number[] {
  const payload = verify(purpose, jar.get(cookieName)?.value);
  const parsed = idsSchema.safeParse(payload === undefined ? [] : JSON.parse(payload));
  return parsed.success ? parsed.data : [];
}

export function writeOwnComments(jar: CookieJar, ids: number[], secure: boolean): void {
  jar.set(cookieName, sign(purpose, JSON.stringify(ids)), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: getCommentSettings().editMinutes * 60,
    secure,
  });
}

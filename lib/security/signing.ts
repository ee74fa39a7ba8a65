import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { readOrCreateLocalSecret } from './local-secret.mjs';

function getSecret(): string {
  return process.env.FOLIO_SECRET || readOrCreateLocalSecret();
}

function digest(purpose: string, value: string): string {
  return createHmac('sha256', getSecret()).update(purpose).update('\0').update(value).digest('base64url');
}

/** Compares two strings in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const hash = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(hash(a), hash(b));
}

/** `payload.signature`, for a payload that must come back unchanged (cookies, form fields). */
export function sign(purpose: string, payload: string): string {
  return `${payload}.${digest(purpose, payload)}`;
}

/** The payload of a token made by `sign` for the same purpose, or undefined if it was tampered with. */
export function verify(purpose: string, token: string | undefined): string | undefined {
  if (!token) return undefined;
  const dot = token.lastIndexOf('.');
  if (dot < 0) return undefined;
  const payload = token.slice(0, dot);
  return safeEqual(token.slice(dot + 1), digest(purpose, payload)) ? payload : undefined;
}

/** IP addresses are stored only as salted hashes, so the database never holds a reader's address. */
export function hashIdentity(kind: 'ip' | 'author', value: string): string {
  return digest(`hash:${kind}`, value);
}

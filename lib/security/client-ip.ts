/**
 * The reader's address as the proxy in front of Folio reports it (`next start` sets
 * X-Forwarded-For itself when there is none).
 */
export function getClientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || 'unknown';
}

/** Cookies are marked Secure whenever the request came over HTTPS. */
export function isHttps(headers: Headers): boolean {
  return headers.get('x-forwarded-proto') === 'https';
}

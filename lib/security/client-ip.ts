import { z } from 'zod';
import { peerAddressHeader, peerAddressKnown } from './peer-address.mjs';

const hopsSchema = z.coerce.number().int().min(0).max(10).catch(0);

/** How many reverse proxies stand in front of Folio (`FOLIO_TRUSTED_PROXIES`); 0 trusts no forwarded header. */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  return hopsSchema.parse(env.FOLIO_TRUSTED_PROXIES || 0);
}

/**
 * The reader's address. Each trusted proxy appends the address it received the request from to
 * `X-Forwarded-For`, and the last proxy is the peer of Folio's own socket; walking that chain back
 * from the socket by as many hops as there are trusted proxies gives the first address that no
 * client could have written. Anything further left is the client's own claim and is ignored.
 */
export function getClientIp(headers: Headers, hops = trustedProxyHops()): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  const peer = peerAddressKnown() ? headers.get(peerAddressHeader) : null;
  const chain = peer ? [...forwarded, peer] : forwarded;
  // Without the socket's address (a serverless host) the platform's own proxy wrote the last entry.
  const skip = peer ? hops : Math.max(hops - 1, 0);
  return chain[Math.max(0, chain.length - 1 - skip)] ?? 'unknown';
}

/** Cookies are marked Secure whenever the request came over HTTPS. */
export function isHttps(headers: Headers): boolean {
  return headers.get('x-forwarded-proto') === 'https';
}

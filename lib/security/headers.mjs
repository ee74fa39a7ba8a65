// Plain JavaScript so that next.config.mjs can import it.

/**
 * Prerendered pages carry Next's inline bootstrap scripts (`self.__next_f.push(…)`). A nonce
 * would need every page rendered per request, and hashes would go stale whenever a page is
 * regenerated after a comment, so script-src allows inline scripts but no other origin and no
 * eval; everything a reader submits is sanitised HTML without scripts. Inline styles come from
 * syntax highlighting. `next dev` alone needs eval for Fast Refresh.
 */
const scriptSources = process.env.NODE_ENV === 'development' ? "'self' 'unsafe-inline' 'unsafe-eval'" : "'self' 'unsafe-inline'";

const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src ${scriptSources}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every response, static pages included. */
export const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

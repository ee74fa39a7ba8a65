import type { NextRequest } from 'next/server';
import { refuseOversizedRequest } from '@/lib/security/request-size';

/** Oversized posts are turned away before Next reads their body, with a message a person can act on. */
export function proxy(request: NextRequest) {
  return refuseOversizedRequest(request.headers);
}

// Only requests that declare a body size: page views (GETs without one) skip the proxy entirely.
export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image).*)', has: [{ type: 'header', key: 'content-length' }] }],
};

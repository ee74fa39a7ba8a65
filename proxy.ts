import type { NextRequest } from 'next/server';
import { refuseOversizedRequest } from '@/lib/security/request-size';

/** Oversized posts are turned away before Next reads their body, with a message a person can act on. */
export function proxy(request: NextRequest) {
  return refuseOversizedRequest(request.headers);
}

export const config = { matcher: '/((?!_next/static|_next/image).*)' };

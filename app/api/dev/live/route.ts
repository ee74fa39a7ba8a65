import { liveContentEvents } from '@/lib/content/live/events';

export const dynamic = 'force-dynamic';

/** Server-sent events telling an open page under `next dev` that the posts changed. */
export function GET(request: Request) {
  if (process.env.NODE_ENV !== 'development') return new Response('Not found', { status: 404 });
  return liveContentEvents(request);
}

import { getSiteFeed } from '@/lib/feeds/build-feed';
import { rssResponse } from '@/lib/feeds/responses';

export const dynamic = 'force-static';

export async function GET() {
  return rssResponse(await getSiteFeed());
}

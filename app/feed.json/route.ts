import { getSiteFeed } from '@/lib/feeds/build-feed';
import { jsonFeedResponse } from '@/lib/feeds/responses';

export const dynamic = 'force-static';

export async function GET() {
  return jsonFeedResponse(await getSiteFeed());
}

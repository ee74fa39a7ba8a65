import { getSiteFeed } from '@/lib/feeds/build-feed';
import { atomResponse } from '@/lib/feeds/responses';

export const dynamic = 'force-static';

export async function GET() {
  return atomResponse(await getSiteFeed());
}

import { getSiteCommentFeed } from '@/lib/feeds/comment-feeds';
import { atomResponse } from '@/lib/feeds/responses';

// Prerendered, and regenerated whenever a comment is published, edited or removed (lib/comments/revalidate.ts).
export const dynamic = 'force-static';

export async function GET() {
  return atomResponse(await getSiteCommentFeed());
}

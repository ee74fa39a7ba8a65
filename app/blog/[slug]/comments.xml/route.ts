import { getAllPosts } from '@/lib/content/posts';
import { getPostCommentFeed } from '@/lib/feeds/comment-feeds';
import { atomResponse } from '@/lib/feeds/responses';

// Prerendered like the post, and regenerated with it when its comments change (lib/comments/revalidate.ts).
export const dynamic = 'force-static';
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getAllPosts()).map((post) => ({ slug: post.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const feed = await getPostCommentFeed((await params).slug);
  if (!feed) return new Response('Not found', { status: 404 });
  return atomResponse(feed);
}

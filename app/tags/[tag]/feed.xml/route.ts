import { getTagFeed } from '@/lib/feeds/build-feed';
import { rssResponse } from '@/lib/feeds/responses';
import { getAllTags } from '@/lib/content/tags';

export const dynamic = 'force-static';
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getAllTags()).map((tag) => ({ tag: tag.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ tag: string }> }) {
  const feed = await getTagFeed((await params).tag);
  if (!feed) return new Response('Not found', { status: 404 });
  return rssResponse(feed);
}

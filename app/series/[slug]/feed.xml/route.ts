import { getSeriesFeed } from '@/lib/feeds/build-feed';
import { rssResponse } from '@/lib/feeds/responses';
import { getAllSeries } from '@/lib/content/series';

export const dynamic = 'force-static';
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getAllSeries()).map((series) => ({ slug: series.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const feed = await getSeriesFeed((await params).slug);
  if (!feed) return new Response('Not found', { status: 404 });
  return rssResponse(feed);
}

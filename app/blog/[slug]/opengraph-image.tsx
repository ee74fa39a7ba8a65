import { getAllPosts, getPostSummary } from '@/lib/content/posts';
import { cardContentType, cardResponse, cardSize } from '@/lib/og/render';
import { postCardAlt } from '@/lib/og/paths';

// Static because an `alt` per post needs generateImageMetadata, whose routes Next does not prerender.
export const alt = postCardAlt;
export const size = cardSize;
export const contentType = cardContentType;
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getAllPosts()).map((post) => ({ slug: post.slug }));
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  // The summary says all a card shows: drawing one never waits for the post to compile.
  const post = await getPostSummary((await params).slug);
  if (!post) return new Response('Not found', { status: 404 });
  return cardResponse({ kind: 'post', title: post.title, date: post.date, readingMinutes: post.readingMinutes });
}

import { getAllPosts, getPost } from '@/lib/content/posts';
import { cardContentType, cardResponse, cardSize } from '@/lib/og/render';
import siteConfig from '@/site.config';

// Static because an `alt` per post needs generateImageMetadata, whose routes Next does not prerender.
export const alt = `The post’s title, date and reading time on ${siteConfig.title}`;
export const size = cardSize;
export const contentType = cardContentType;
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getAllPosts()).map((post) => ({ slug: post.slug }));
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const post = await getPost((await params).slug);
  if (!post) return new Response('Not found', { status: 404 });
  return cardResponse({ kind: 'post', title: post.title, date: post.date, readingMinutes: post.readingMinutes });
}

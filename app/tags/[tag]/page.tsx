import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostList } from '@/components/post-list';
import { getAllTags, getTag } from '@/lib/content/tags';
import { pageAlternates, tagFeedLink } from '@/lib/share/feeds';

interface TagPageProps {
  params: Promise<{ tag: string }>;
}

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getAllTags()).map((tag) => ({ tag: tag.slug }));
}

export async function generateMetadata({ params }: TagPageProps): Promise<Metadata> {
  const tag = await getTag((await params).tag);
  if (!tag) return {};
  return { title: `Posts tagged “${tag.name}”`, alternates: pageAlternates(`/tags/${tag.slug}`, [tagFeedLink(tag)]) };
}

export default async function TagPage({ params }: TagPageProps) {
  const tag = await getTag((await params).tag);
  if (!tag) notFound();
  return (
    <>
      <header className="page-header">
        <h1>Posts tagged “{tag.name}”</h1>
      </header>
      <PostList posts={tag.posts} />
    </>
  );
}

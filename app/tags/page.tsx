import type { Metadata } from 'next';
import { CountList } from '@/components/count-list';
import { getAllTags } from '@/lib/content/tags';
import { pageAlternates } from '@/lib/share/feeds';

export const metadata: Metadata = { title: 'Tags', alternates: pageAlternates('/tags') };

export default async function TagsPage() {
  const tags = await getAllTags();
  return (
    <>
      <header className="page-header">
        <h1>Tags</h1>
      </header>
      <CountList entries={tags.map((tag) => ({ href: `/tags/${tag.slug}`, name: tag.name, count: tag.posts.length }))} unit={['post', 'posts']} />
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
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
      <ul className="tag-list">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link href={`/tags/${tag.slug}`}>{tag.name}</Link>{' '}
            <span className="count">
              ({tag.posts.length} {tag.posts.length === 1 ? 'post' : 'posts'})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

import type { Metadata } from 'next';
import { IndexLink } from '@/components/index-link';
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
            <IndexLink href={`/tags/${tag.slug}`}>{tag.name}</IndexLink>{' '}
            <span className="count">
              ({tag.posts.length} {tag.posts.length === 1 ? 'post' : 'posts'})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

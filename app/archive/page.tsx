import type { Metadata } from 'next';
import Link from 'next/link';
import { formatPostDate } from '@/lib/content/dates';
import { getPostsByYear } from '@/lib/content/posts';
import { pageAlternates } from '@/lib/share/feeds';

export const metadata: Metadata = { title: 'Archive', alternates: pageAlternates('/archive') };

export default async function ArchivePage() {
  const byYear = await getPostsByYear();
  return (
    <>
      <header className="page-header">
        <h1>Archive</h1>
      </header>
      {[...byYear].map(([year, posts]) => (
        <section key={year} aria-labelledby={`year-${year}`} className="archive-year">
          <h2 id={`year-${year}`}>{year}</h2>
          <ul className="archive-list">
            {posts.map((post) => (
              <li key={post.slug}>
                <time dateTime={post.date}>{formatPostDate(post.date)}</time>{' '}
                <Link href={`/blog/${post.slug}`}>{post.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

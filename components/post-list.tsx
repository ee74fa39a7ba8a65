import Link from 'next/link';
import { formatPostDate } from '@/lib/content/dates';
import type { PostSummary } from '@/lib/content/posts';

/** Posts as a list of title, date and description; `headingLevel` keeps the outline correct on every page. */
export function PostList({ posts, headingLevel = 2 }: { posts: PostSummary[]; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="post-list">
      {posts.map((post) => (
        <li key={post.slug}>
          <article>
            <Heading className="post-list-title">
              <Link href={`/blog/${post.slug}`}>{post.title}</Link>
            </Heading>
            <p className="post-list-meta">
              <time dateTime={post.date}>{formatPostDate(post.date)}</time>
              {post.draft ? <span className="draft-badge">Draft</span> : null}
            </p>
            {post.description ? <p className="post-list-description">{post.description}</p> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}

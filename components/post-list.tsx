import Link from 'next/link';
import { formatCommentCount } from '@/lib/comments/format';
import { formatPostDate } from '@/lib/content/dates';
import type { PostSummary } from '@/lib/content/posts';

/**
 * Posts as a list of title, date and description; `headingLevel` keeps the outline correct on every page.
 * With `commentCounts`, each post shows how many comments it has.
 */
export function PostList({
  posts,
  headingLevel = 2,
  commentCounts,
}: {
  posts: PostSummary[];
  headingLevel?: 2 | 3;
  commentCounts?: Map<string, number>;
}) {
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
              {commentCounts ? (
                <>
                  {' · '}
                  <Link href={`/blog/${post.slug}#comments`}>{formatCommentCount(commentCounts.get(post.slug) ?? 0)}</Link>
                </>
              ) : null}
              {post.draft ? <span className="draft-badge">Draft</span> : null}
            </p>
            {post.description ? <p className="post-list-description">{post.description}</p> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}

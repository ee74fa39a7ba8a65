import Link from 'next/link';
import { formatPostDate } from '@/lib/content/dates';
import { getAdjacentPosts, type Post } from '@/lib/content/posts';
import { getSeriesPlace } from '@/lib/content/series';
import { tagSlug } from '@/lib/content/tags';
import siteConfig from '@/site.config';
import { BlogrollBox } from './blogroll-box';
import { CommentCountLink, CommentSection } from './comments/comment-section';
import { IndexLink } from './index-link';
import { PostBody } from './post-body';
import { SeriesBox } from './series-box';
import { TableOfContents } from './table-of-contents';

export async function PostArticle({ post }: { post: Post }) {
  const [{ newer, older }, seriesPlace] = await Promise.all([getAdjacentPosts(post.slug), getSeriesPlace(post.slug)]);
  const showToc = post.words >= siteConfig.tocMinWords && post.toc.length >= 2;
  return (
    <article className="post" aria-labelledby="post-title">
      <header className="post-header">
        <h1 id="post-title">{post.title}</h1>
        <p className="byline">
          <time dateTime={post.date}>{formatPostDate(post.date)}</time> on {siteConfig.title}
          <span className="byline-extra">
            {' · '}
            {post.readingMinutes} min read
            {' · '}
            <CommentCountLink postSlug={post.slug} />
            {post.updated ? (
              <>
                {' · updated '}
                <time dateTime={post.updated}>{formatPostDate(post.updated)}</time>
              </>
            ) : null}
          </span>
        </p>
      </header>
      {seriesPlace ? <SeriesBox place={seriesPlace} /> : null}
      {showToc ? <TableOfContents entries={post.toc} /> : null}
      <div className="prose">
        <PostBody code={post.code} />
      </div>
      <footer className="post-footer">
        {post.tags.length > 0 ? (
          <p className="post-tags">
            Tagged{' '}
            {post.tags.map((tag, index) => (
              <span key={tag}>
                {index > 0 ? ', ' : null}
                <IndexLink href={`/tags/${tagSlug(tag)}`} rel="tag">
                  {tag}
                </IndexLink>
              </span>
            ))}
          </p>
        ) : null}
        {newer || older ? (
          <nav className="post-nav" aria-label="More posts">
            {older ? (
              <Link href={`/blog/${older.slug}`} rel="prev" className="post-nav-older">
                <span className="post-nav-label">Previous</span> {older.title}
              </Link>
            ) : null}
            {newer ? (
              <Link href={`/blog/${newer.slug}`} rel="next" className="post-nav-newer">
                <span className="post-nav-label">Next</span> {newer.title}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </footer>
      <BlogrollBox />
      <CommentSection postSlug={post.slug} />
    </article>
  );
}

import type { Metadata } from 'next';
import { PostList } from '@/components/post-list';
import { getCommentCounts } from '@/lib/comments/read';
import { getAllPosts } from '@/lib/content/posts';
import { pageAlternates } from '@/lib/share/feeds';
import siteConfig from '@/site.config';

export const metadata: Metadata = { alternates: pageAlternates('/') };

export default async function HomePage() {
  const [posts, commentCounts] = await Promise.all([getAllPosts(), getCommentCounts()]);
  return (
    <>
      <header className="page-header">
        <h1>{siteConfig.title}</h1>
        <p className="lede">{siteConfig.description}</p>
      </header>
      <section aria-labelledby="latest-posts">
        <h2 id="latest-posts" className="section-title">
          Posts
        </h2>
        {posts.length > 0 ? <PostList posts={posts} headingLevel={3} commentCounts={commentCounts} /> : <p>No posts yet.</p>}
      </section>
    </>
  );
}

import type { Metadata } from 'next';
import { BlogrollList } from '@/components/blogroll-list';
import { getBlogroll } from '@/lib/blogroll/blogroll';
import siteConfig from '@/site.config';

export const dynamic = 'force-static';

export async function generateMetadata(): Promise<Metadata> {
  const opml = (await getBlogroll()).length > 0 ? { 'text/x-opml': '/blogroll.opml' } : undefined;
  return { title: 'Blogs I read', alternates: { canonical: '/blogroll', types: opml } };
}

export default async function BlogrollPage() {
  const blogs = await getBlogroll();
  return (
    <>
      <header className="page-header">
        <h1>Blogs I read</h1>
        <p className="lede">
          {blogs.length > 0
            ? `The blogs ${siteConfig.author.name} follows, each with its newest article as of the last time this site was built.`
            : `${siteConfig.author.name} follows no blogs here yet.`}
        </p>
        {blogs.length > 0 ? (
          <p>
            <a href="/blogroll.opml" download>
              Download the list as OPML
            </a>{' '}
            to follow them all in your feed reader.
          </p>
        ) : null}
      </header>
      {blogs.length > 0 ? <BlogrollList blogs={blogs} /> : null}
    </>
  );
}

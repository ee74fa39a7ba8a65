import { generateOpml } from 'feedsmith';
import siteConfig from '@/site.config';
import type { Blog } from './blog';

/** The followed blogs as an OPML subscription list that feed readers import. */
export function toOpml(blogs: Blog[]): string {
  return generateOpml({
    head: { title: `Blogs ${siteConfig.author.name} reads`, ownerName: siteConfig.author.name },
    body: {
      outlines: blogs.map((blog) => ({ type: 'rss', text: blog.name, title: blog.name, xmlUrl: blog.feedUrl, htmlUrl: blog.homepage })),
    },
  });
}

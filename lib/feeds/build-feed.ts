import { Feed } from 'feed';
import { parsePostDate } from '@/lib/content/dates';
import { lastModified } from '@/lib/content/last-modified';
import { getAllPosts, getPost, type PostSummary } from '@/lib/content/posts';
import { getTag } from '@/lib/content/tags';
import { siteFeeds, tagFeedPath, tagFeedTitle } from '@/lib/share/feeds';
import { describePost } from '@/lib/share/post-metadata';
import { absoluteUrl, postUrl } from '@/lib/share/urls';
import siteConfig from '@/site.config';

interface FeedOptions {
  title: string;
  /** The page the feed mirrors. */
  link: string;
  /** Paths of this feed in each format it is published in. */
  feedLinks: Record<string, string>;
}

async function buildFeed(posts: PostSummary[], options: FeedOptions): Promise<Feed> {
  const author = { name: siteConfig.author.name, link: siteConfig.author.url };
  const newest = lastModified(posts);
  const feed = new Feed({
    id: absoluteUrl(options.link),
    link: absoluteUrl(options.link),
    title: options.title,
    description: siteConfig.description,
    language: siteConfig.language,
    author,
    copyright: `© ${siteConfig.author.name}`,
    updated: newest ? parsePostDate(newest) : undefined,
    generator: 'Folio',
    feedLinks: Object.fromEntries(Object.entries(options.feedLinks).map(([format, path]) => [format, absoluteUrl(path)])),
  });
  for (const summary of posts.slice(0, siteConfig.feedPosts)) {
    const post = await getPost(summary.slug);
    if (!post) continue;
    const url = postUrl(post.slug);
    feed.addItem({
      id: url,
      link: url,
      title: post.title,
      description: describePost(post),
      content: post.feedHtml,
      date: parsePostDate(post.updated ?? post.date),
      published: parsePostDate(post.date),
      author: [author],
      category: post.tags.map((name) => ({ name })),
    });
  }
  return feed;
}

export async function getSiteFeed(): Promise<Feed> {
  const feedLinks = Object.fromEntries(siteFeeds.map((feed) => [feed.format, feed.path]));
  return buildFeed(await getAllPosts(), { title: siteConfig.title, link: '/', feedLinks });
}

export async function getTagFeed(slug: string): Promise<Feed | undefined> {
  const tag = await getTag(slug);
  if (!tag) return undefined;
  return buildFeed(tag.posts, { title: tagFeedTitle(tag), link: `/tags/${tag.slug}`, feedLinks: { rss: tagFeedPath(tag) } });
}

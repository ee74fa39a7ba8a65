import { parsePostDate } from '@/lib/content/dates';
import { lastModified } from '@/lib/content/last-modified';
import { getAllPosts, getPost, type PostSummary } from '@/lib/content/posts';
import { getSeries } from '@/lib/content/series';
import { getTag } from '@/lib/content/tags';
import { seriesFeedPath, seriesFeedTitle, siteFeeds, tagFeedPath, tagFeedTitle, type FeedFormat } from '@/lib/share/feeds';
import { describePost } from '@/lib/share/post-metadata';
import { absoluteUrl, postUrl } from '@/lib/share/urls';
import siteConfig from '@/site.config';

export interface FeedAuthor {
  name: string;
  url?: string;
}

export interface FeedItem {
  url: string;
  /** Plain text. */
  title: string;
  description?: string;
  /** The whole post or comment, as HTML. */
  content: string;
  published: Date;
  updated: Date;
  tags: string[];
  /** The blog's author when not given. */
  author?: FeedAuthor;
}

/** A feed in no format yet: `responses.ts` writes it as RSS, Atom or JSON Feed. */
export interface Feed {
  /** The feed's Atom id, when the page it mirrors (`link`) already identifies another feed. */
  id?: string;
  title: string;
  /** The page the feed mirrors, absolute. */
  link: string;
  /** Absolute URLs of this feed in each format it is published in. */
  feedLinks: Partial<Record<FeedFormat, string>>;
  updated?: Date;
  items: FeedItem[];
}

async function buildFeed(posts: PostSummary[], options: Pick<Feed, 'title' | 'link' | 'feedLinks'>): Promise<Feed> {
  const newest = lastModified(posts);
  const items: FeedItem[] = [];
  for (const summary of posts.slice(0, siteConfig.feedPosts)) {
    const post = await getPost(summary.slug);
    if (!post) continue;
    items.push({
      url: postUrl(post.slug),
      title: post.title,
      description: describePost(post),
      content: post.feedHtml,
      published: parsePostDate(post.date),
      updated: parsePostDate(post.updated ?? post.date),
      tags: post.tags,
    });
  }
  return { ...options, updated: newest ? parsePostDate(newest) : undefined, items };
}

export async function getSiteFeed(): Promise<Feed> {
  const feedLinks = Object.fromEntries(siteFeeds.map((feed) => [feed.format, absoluteUrl(feed.path)]));
  return buildFeed(await getAllPosts(), { title: siteConfig.title, link: absoluteUrl('/'), feedLinks });
}

export async function getTagFeed(slug: string): Promise<Feed | undefined> {
  const tag = await getTag(slug);
  if (!tag) return undefined;
  return buildFeed(tag.posts, {
    title: tagFeedTitle(tag),
    link: absoluteUrl(`/tags/${tag.slug}`),
    feedLinks: { rss: absoluteUrl(tagFeedPath(tag)) },
  });
}

export async function getSeriesFeed(slug: string): Promise<Feed | undefined> {
  const series = await getSeries(slug);
  if (!series) return undefined;
  const newestFirst = [...series.parts].sort((a, b) => b.date.localeCompare(a.date));
  return buildFeed(newestFirst, {
    title: seriesFeedTitle(series),
    link: absoluteUrl(`/series/${series.slug}`),
    feedLinks: { rss: absoluteUrl(seriesFeedPath(series)) },
  });
}

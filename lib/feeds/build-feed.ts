import { Feed } from 'feed';
import { getAllPosts, getPost, type PostSummary } from '@/lib/content/posts';
import { getTag } from '@/lib/content/tags';
import { siteFeeds, tagFeedPath, tagFeedTitle } from '@/lib/share/feeds';
import { absoluteUrl } from '@/lib/share/urls';
import siteConfig from '@/site.config';
import { renderPostHtml } from './post-html';

/** A frontmatter date (a calendar day) as a Date at UTC midnight. */
function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function lastUpdate(post: PostSummary): Date {
  return dayToDate(post.updated ?? post.date);
}

interface FeedOptions {
  title: string;
  /** The page the feed mirrors. */
  link: string;
  /** Paths of this feed in each format it is published in. */
  feedLinks: Record<string, string>;
}

async function buildFeed(posts: PostSummary[], options: FeedOptions): Promise<Feed> {
  const author = { name: siteConfig.author.name, link: siteConfig.author.url };
  const feed = new Feed({
    id: absoluteUrl(options.link),
    link: absoluteUrl(options.link),
    title: options.title,
    description: siteConfig.description,
    language: siteConfig.language,
    author,
    copyright: `© ${siteConfig.author.name}`,
    updated: posts.map(lastUpdate).reduce<Date | undefined>((newest, date) => (!newest || date > newest ? date : newest), undefined),
    generator: 'Folio',
    feedLinks: Object.fromEntries(Object.entries(options.feedLinks).map(([format, path]) => [format, absoluteUrl(path)])),
  });
  for (const summary of posts) {
    const post = await getPost(summary.slug);
    if (!post) continue;
    const url = absoluteUrl(`/blog/${post.slug}`);
    feed.addItem({
      id: url,
      link: url,
      title: post.title,
      description: post.description,
      content: renderPostHtml(post),
      date: lastUpdate(post),
      published: dayToDate(post.date),
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

import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import siteConfig from '@/site.config';
import type { Feed, FeedAuthor, FeedItem } from './build-feed';

const author: FeedAuthor = { name: siteConfig.author.name, url: siteConfig.author.url };
const authorOf = (item: FeedItem): FeedAuthor => item.author ?? author;
const copyright = `© ${siteConfig.author.name}`;
const generator = 'Folio';

function feedResponse(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}

export function rssResponse(feed: Feed): Response {
  const rss = generateRssFeed({
    title: feed.title,
    link: feed.link,
    description: siteConfig.description,
    lastBuildDate: feed.updated,
    docs: 'https://validator.w3.org/feed/docs/rss2.html',
    generator,
    language: siteConfig.language,
    copyright,
    atom: feed.feedLinks.rss ? { links: [{ href: feed.feedLinks.rss, rel: 'self', type: 'application/rss+xml' }] } : undefined,
    items: feed.items.map((item) => ({
      title: item.title,
      link: item.url,
      guid: { value: item.url, isPermaLink: false },
      pubDate: item.published,
      description: item.description,
      content: { encoded: item.content },
      authors: [{ name: authorOf(item).name }],
      categories: item.tags.map((name) => ({ name })),
    })),
  });
  return feedResponse(rss, 'application/rss+xml');
}

export function atomResponse(feed: Feed): Response {
  const atom = generateAtomFeed({
    id: feed.id ?? feed.link,
    title: { value: feed.title },
    updated: feed.updated ?? new Date(),
    generator: { text: generator },
    authors: [{ name: author.name, uri: author.url }],
    links: [{ rel: 'alternate', href: feed.link }, ...(feed.feedLinks.atom ? [{ rel: 'self', href: feed.feedLinks.atom }] : [])],
    subtitle: { value: siteConfig.description },
    rights: { value: copyright },
    entries: feed.items.map((item) => ({
      title: { value: item.title, type: 'text' },
      id: item.url,
      links: [{ href: item.url }],
      updated: item.updated,
      summary: item.description === undefined ? undefined : { value: item.description, type: 'html' },
      content: { value: item.content, type: 'html' },
      authors: [{ name: authorOf(item).name, uri: authorOf(item).url }],
      categories: item.tags.map((term) => ({ term })),
      published: item.published,
    })),
  });
  return feedResponse(atom, 'application/atom+xml');
}

export function jsonFeedResponse(feed: Feed): Response {
  const json = generateJsonFeed({
    title: feed.title,
    home_page_url: feed.link,
    feed_url: feed.feedLinks.json,
    description: siteConfig.description,
    authors: [author],
    language: siteConfig.language,
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      summary: item.description,
      content_html: item.content,
      date_published: item.published,
      date_modified: item.updated,
      tags: item.tags,
      authors: [authorOf(item)],
    })),
  });
  return feedResponse(JSON.stringify(json), 'application/feed+json');
}

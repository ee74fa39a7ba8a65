import type { Feed } from 'feed';
import siteConfig from '@/site.config';

export function rssResponse(feed: Feed): Response {
  return new Response(feed.rss2(), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

export function atomResponse(feed: Feed): Response {
  return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

interface JsonFeedAuthored {
  author?: unknown;
  authors?: unknown[];
}

/** JSON Feed 1.1 replaced `author` with an `authors` list; rename it wherever it appears. */
function toAuthors<T extends JsonFeedAuthored>({ author, ...rest }: T): Omit<T, 'author'> {
  return author ? { ...rest, authors: [author] } : rest;
}

/** The `feed` package writes JSON Feed 1.0; 1.1 adds `language` and lists authors. */
export function toJsonFeed11(json1: string): string {
  const feed = JSON.parse(json1) as JsonFeedAuthored & { items?: JsonFeedAuthored[] };
  return JSON.stringify({
    ...toAuthors(feed),
    version: 'https://jsonfeed.org/version/1.1',
    language: siteConfig.language,
    items: (feed.items ?? []).map(toAuthors),
  });
}

export function jsonFeedResponse(feed: Feed): Response {
  return new Response(toJsonFeed11(feed.json1()), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}

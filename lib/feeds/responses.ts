import type { Feed } from 'feed';

export function rssResponse(feed: Feed): Response {
  return new Response(feed.rss2(), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

export function atomResponse(feed: Feed): Response {
  return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

export function jsonFeedResponse(feed: Feed): Response {
  return new Response(feed.json1(), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}

import type { Metadata } from 'next';
import type { Series } from '@/lib/content/series';
import type { Tag } from '@/lib/content/tags';
import siteConfig from '@/site.config';

/** Every site-wide feed, as `<link rel="alternate">` types and paths. */
export const siteFeeds = [
  { format: 'rss', type: 'application/rss+xml', path: '/feed.xml', title: `${siteConfig.title} (RSS)` },
  { format: 'atom', type: 'application/atom+xml', path: '/atom.xml', title: `${siteConfig.title} (Atom)` },
  { format: 'json', type: 'application/feed+json', path: '/feed.json', title: `${siteConfig.title} (JSON Feed)` },
] as const;

export type FeedFormat = (typeof siteFeeds)[number]['format'];

/** A `<link rel="alternate">` to a feed beside the site-wide ones. */
export interface FeedLink {
  type: string;
  path: string;
  title: string;
}

export function tagFeedPath(tag: Pick<Tag, 'slug'>): string {
  return `/tags/${tag.slug}/feed.xml`;
}

export function tagFeedTitle(tag: Pick<Tag, 'name'>): string {
  return `${siteConfig.title}: posts tagged “${tag.name}”`;
}

export function tagFeedLink(tag: Pick<Tag, 'slug' | 'name'>): FeedLink {
  return { type: 'application/rss+xml', path: tagFeedPath(tag), title: `${tagFeedTitle(tag)} (RSS)` };
}

export function seriesFeedPath(series: Pick<Series, 'slug'>): string {
  return `/series/${series.slug}/feed.xml`;
}

export function seriesFeedTitle(series: Pick<Series, 'name'>): string {
  return `${siteConfig.title}: the series “${series.name}”`;
}

export function seriesFeedLink(series: Pick<Series, 'slug' | 'name'>): FeedLink {
  return { type: 'application/rss+xml', path: seriesFeedPath(series), title: `${seriesFeedTitle(series)} (RSS)` };
}

/** The latest approved comments across the blog, as Atom. */
export const siteCommentFeed = { type: 'application/atom+xml', path: '/comments.xml', title: `${siteConfig.title}: latest comments` } as const;

export function postCommentFeedPath(slug: string): string {
  return `/blog/${slug}/comments.xml`;
}

/** A post's approved comments, as Atom. */
export function postCommentFeedLink(post: { slug: string; title: string }): FeedLink {
  return { type: 'application/atom+xml', path: postCommentFeedPath(post.slug), title: `Comments on “${post.title}”` };
}

/**
 * Feed autodiscovery links, with the page's canonical URL: the site-wide feeds, then the page's
 * own. Next replaces a parent's `alternates` wholesale, so every page that sets a canonical URL
 * goes through here.
 */
export function pageAlternates(canonical?: string, pageFeeds: FeedLink[] = []): NonNullable<Metadata['alternates']> {
  const types: Record<string, { url: string; title: string }[]> = {};
  for (const feed of [...siteFeeds, ...pageFeeds]) (types[feed.type] ??= []).push({ url: feed.path, title: feed.title });
  return canonical ? { canonical, types } : { types };
}

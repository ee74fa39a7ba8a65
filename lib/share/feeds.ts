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

export function tagFeedPath(tag: Pick<Tag, 'slug'>): string {
  return `/tags/${tag.slug}/feed.xml`;
}

export function tagFeedTitle(tag: Pick<Tag, 'name'>): string {
  return `${siteConfig.title}: posts tagged “${tag.name}”`;
}

/** The RSS feed of one list of posts (a tag, a series) beside the site's own. */
export interface ListFeedLink {
  path: string;
  title: string;
}

export function tagFeedLink(tag: Pick<Tag, 'name' | 'slug'>): ListFeedLink {
  return { path: tagFeedPath(tag), title: tagFeedTitle(tag) };
}

export function seriesFeedLink(series: Pick<Series, 'name' | 'slug'>): ListFeedLink {
  return { path: `/series/${series.slug}/feed.xml`, title: `${siteConfig.title}: the series “${series.name}”` };
}

/**
 * Feed autodiscovery links, with the page's canonical URL. Next replaces a parent's
 * `alternates` wholesale, so every page that sets a canonical URL goes through here.
 */
export function pageAlternates(canonical?: string, listFeed?: ListFeedLink): NonNullable<Metadata['alternates']> {
  const types: Record<string, { url: string; title: string }[]> = {};
  for (const feed of siteFeeds) types[feed.type] = [{ url: feed.path, title: feed.title }];
  if (listFeed) types['application/rss+xml']?.push({ url: listFeed.path, title: `${listFeed.title} (RSS)` });
  return canonical ? { canonical, types } : { types };
}

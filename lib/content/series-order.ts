import { slug as slugify } from 'github-slugger';
import type { Frontmatter } from './frontmatter';

/** What a post says of the series it belongs to. */
export type SeriesMember = Pick<Frontmatter, 'series' | 'seriesOrder' | 'date' | 'title'>;

export function seriesSlug(name: string): string {
  return slugify(name);
}

/** Reading order within a series: `seriesOrder` where given, then by date, then by title. */
export function compareParts(a: SeriesMember, b: SeriesMember): number {
  return (a.seriesOrder ?? Infinity) - (b.seriesOrder ?? Infinity) || a.date.localeCompare(b.date) || a.title.localeCompare(b.title);
}

export interface SeriesGroup<T> {
  /** As the first part names it. */
  name: string;
  slug: string;
  /** In reading order. */
  parts: T[];
}

/** The posts that belong to a series, grouped by series (names that slug the same are one series), A to Z. */
export function groupSeries<T extends SeriesMember>(posts: readonly T[]): SeriesGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const post of posts) {
    if (post.series === undefined) continue;
    const slug = seriesSlug(post.series);
    groups.set(slug, [...(groups.get(slug) ?? []), post]);
  }
  return [...groups]
    .map(([slug, members]) => {
      const parts = members.sort(compareParts);
      return { name: parts[0]?.series ?? slug, slug, parts };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface OrderClash<T> {
  post: T;
  order: number;
  series: string;
  /** The other posts of the series that claim the same place. */
  others: T[];
}

/**
 * Posts that claim the same `seriesOrder` as another post of their series. A clash with drafts
 * only is the drafts' to fix: a published post is named only when another published post claims its place.
 */
export function findOrderClashes<T extends SeriesMember & { draft?: boolean }>(posts: readonly T[]): OrderClash<T>[] {
  return groupSeries(posts).flatMap(({ name, parts }) =>
    parts.flatMap((post) => {
      const others = parts.filter((other) => other !== post && other.seriesOrder !== undefined && other.seriesOrder === post.seriesOrder);
      const blamed = post.draft || others.some((other) => !other.draft);
      return others.length > 0 && blamed && post.seriesOrder !== undefined ? [{ post, order: post.seriesOrder, series: name, others }] : [];
    }),
  );
}

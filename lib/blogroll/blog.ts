import { z } from 'zod';

export const articleSchema = z.object({
  title: z.string(),
  url: z.string(),
  summary: z.string(),
  /** ISO 8601 timestamp; absent when the feed gives no usable date. */
  published: z.string().optional(),
});

/** What a feed says about itself and its newest article: the part kept in the cache. */
export const feedSnapshotSchema = z.object({
  title: z.string().optional(),
  homepage: z.string().optional(),
  latest: articleSchema.optional(),
});

export type Article = z.infer<typeof articleSchema>;
export type FeedSnapshot = z.infer<typeof feedSnapshotSchema>;

/** A followed blog as pages show it; `latest` is missing when its feed never loaded. */
export const blogSchema = z.object({
  feedUrl: z.string(),
  name: z.string(),
  homepage: z.string().optional(),
  latest: articleSchema.optional(),
});

export type Blog = z.infer<typeof blogSchema>;

/** Newest first; articles without a date go last, in their original order. */
export function compareNewestFirst(a: Pick<Article, 'published'>, b: Pick<Article, 'published'>): number {
  if (a.published === b.published) return 0;
  if (a.published === undefined) return 1;
  if (b.published === undefined) return -1;
  return Date.parse(b.published) - Date.parse(a.published);
}

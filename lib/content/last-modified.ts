import type { PostSummary } from './posts';

/** The newest day any of these posts was published or updated (`YYYY-MM-DD`), if there are any. */
export function lastModified(posts: PostSummary[]): string | undefined {
  return posts
    .map((post) => post.updated ?? post.date)
    .sort()
    .at(-1);
}

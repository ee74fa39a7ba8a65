import 'server-only';
import { revalidatePath } from 'next/cache';
import { postCommentFeedPath, siteCommentFeed } from '@/lib/share/feeds';

/** Regenerates the static pages and feeds that show these posts' comments or comment counts. */
export function revalidateCommentPages(postSlugs: Iterable<string>): void {
  const slugs = new Set(postSlugs);
  for (const slug of slugs) {
    revalidatePath(`/blog/${slug}`);
    revalidatePath(postCommentFeedPath(slug));
  }
  if (slugs.size > 0) {
    revalidatePath('/');
    revalidatePath(siteCommentFeed.path);
  }
}

import 'server-only';
import { revalidatePath } from 'next/cache';

/** Regenerates the static pages that show these posts' comments or comment counts. */
export function revalidateCommentPages(postSlugs: Iterable<string>): void {
  const slugs = new Set(postSlugs);
  for (const slug of slugs) revalidatePath(`/blog/${slug}`);
  if (slugs.size > 0) revalidatePath('/');
}

import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link to a page that lists posts (home, archive, tags, blogroll). Such pages grow with the
 * blog, so they are fetched when followed, not prefetched: a reader of one post should not
 * download the whole archive. Links to single posts keep Next's prefetching.
 */
export function IndexLink(props: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  return <Link {...props} prefetch={false} />;
}

import siteConfig from '@/site.config';

/** Where a post's card is served (the `opengraph-image` route beside the post). */
export function postCardPath(slug: string): string {
  return `/blog/${slug}/opengraph-image`;
}

export const postCardAlt = `The post’s title, date and reading time on ${siteConfig.title}`;

/** The blog's own card, shared by every page that is not a post. */
export const siteCard = { path: '/opengraph-image', alt: `${siteConfig.title}: ${siteConfig.description}` };

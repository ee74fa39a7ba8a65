import siteConfig from '@/site.config';

/** A site path as the absolute URL that feeds, sitemaps and structured data need. */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname, siteConfig.url).toString();
}

/** A post's public address. */
export function postUrl(slug: string): string {
  return absoluteUrl(`/blog/${slug}`);
}

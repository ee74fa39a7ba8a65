import siteConfig from '@/site.config';

const longDate = new Intl.DateTimeFormat(siteConfig.language, { dateStyle: 'long', timeZone: 'UTC' });

/** `2022-10-03` → "October 3, 2022", in the site's language, whatever the server's time zone. */
export function formatPostDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate}T00:00:00Z`));
}

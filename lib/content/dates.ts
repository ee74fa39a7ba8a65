import siteConfig from '@/site.config';

const longDate = new Intl.DateTimeFormat(siteConfig.language, { dateStyle: 'long', timeZone: 'UTC' });

/** A post's `YYYY-MM-DD` day as a Date at UTC midnight, the same instant on every server. */
export function parsePostDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** `2022-10-03` → "October 3, 2022", in the site's language, whatever the server's time zone. */
export function formatPostDate(isoDate: string): string {
  return longDate.format(parsePostDate(isoDate));
}

import siteConfig from '@/site.config';

const dateTime = new Intl.DateTimeFormat(siteConfig.language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** "March 1, 2026 at 12:00 PM UTC": static pages are the same for every reader, so the time zone is fixed. */
export function formatCommentDate(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}

export function formatCommentCount(count: number): string {
  return count === 1 ? '1 comment' : `${count} comments`;
}

import 'server-only';
import { after } from 'next/server';
import { getCommentStore } from '@/lib/comments/store';
import type { CommentMailEvent } from './queue';
import { tryMailSettings } from './settings';
import { findPostTitle, runMailWork } from './work';

/**
 * Runs the mail work after the response has gone (on a serverless host too, which keeps the function
 * alive for it): a slow or failing SMTP server never delays or fails a comment. Without SMTP_URL, nothing.
 */
export function scheduleMailWork(events: CommentMailEvent[] = []): void {
  const settings = tryMailSettings();
  if (settings instanceof Error) console.error(settings.message);
  if (!settings || settings instanceof Error) return;
  after(async () => {
    try {
      await runMailWork({ store: getCommentStore(), settings, now: () => new Date(), postTitle: findPostTitle }, events);
    } catch (error) {
      console.error('Mail could not be sent:', error);
    }
  });
}

import 'server-only';
import { cache } from 'react';
import { getCommentStore } from './store';

/**
 * Reads comments while a page is rendered. A post must render even when the database cannot
 * be reached (during `next build`, or when a regeneration meets an outage): it then shows no
 * comments until the next change to them regenerates it.
 */
async function readForPage<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    console.warn(`Comments could not be read, rendering without them: ${error instanceof Error ? error.message : String(error)}`);
    return fallback;
  }
}

/** A post's approved comments, oldest first. */
export const getPostComments = cache((postSlug: string) => readForPage(() => getCommentStore().listApproved(postSlug), []));

/** Approved comments per post slug. */
export const getCommentCounts = cache(() =>
  readForPage(() => getCommentStore().countApprovedByPost(), new Map<string, number>()),
);

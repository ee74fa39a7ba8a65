import 'server-only';
import { connection } from 'next/server';
import { cache } from 'react';
import { getCommentStore } from './store';

/**
 * Reads comments while a page is prerendered. When the database cannot be reached:
 * - during `next build`, the page is built without comments (they come with the first regeneration);
 * - while regenerating a static page, `connection()` makes the regeneration fail, so the page
 *   keeps serving its last good version;
 * - while rendering the response to a form post (already dynamic), the page shows without comments.
 */
async function readForPage<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    console.warn(`Comments could not be read: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.NEXT_PHASE !== 'phase-production-build') await connection();
    return fallback;
  }
}

/** A post's approved comments, oldest first. */
export const getPostComments = cache((postSlug: string) => readForPage(() => getCommentStore().listApproved(postSlug), []));

/** Approved comments per post slug. */
export const getCommentCounts = cache(() =>
  readForPage(() => getCommentStore().countApprovedByPost(), new Map<string, number>()),
);

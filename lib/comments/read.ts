import 'server-only';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { cache } from 'react';
import { getCommentStore } from './store';

// Process-wide: every route bundle has its own copy of this module, and a build renders every page.
const processWide = globalThis as typeof globalThis & { folioCommentReadWarnings?: Set<string> };
const warned = (processWide.folioCommentReadWarnings ??= new Set());

/**
 * A build without a database would say so once per page: it says it once per cause and worker.
 * A running server says it every time, since an outage there is news.
 */
function warn(message: string): void {
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD && warned.has(message)) return;
  warned.add(message);
  console.warn(`Comments could not be read, rendering pages without them: ${message}`);
}

/**
 * Reads comments while a page is rendered. A post must render even when the database cannot
 * be reached (during `next build`, or when a regeneration meets an outage): it then shows no
 * comments until the next change to them regenerates it.
 */
async function readForPage<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    warn(error instanceof Error ? error.message : String(error));
    return fallback;
  }
}

/** A post's approved comments, oldest first. */
export const getPostComments = cache((postSlug: string) => readForPage(() => getCommentStore().listApproved(postSlug), []));

/** Approved comments per post slug. */
export const getCommentCounts = cache(() =>
  readForPage(() => getCommentStore().countApprovedByPost(), new Map<string, number>()),
);

/** The latest approved comments across every post, newest first. */
export const getLatestComments = cache((limit: number) => readForPage(() => getCommentStore().listByStatus('approved', limit), []));

import type { CommentStatus } from '@/db/statuses';
import { hashIdentity } from '@/lib/security/signing';
import { deletedCommentAuthorKey, readerAuthorKey } from '../author-key';
import type { SourceComment } from '../backup';
import { commentFieldsSchema, removeUnstorable } from '../validation';
import type { CommentsExport, ExportedComment, ExportedState } from './exported-comments';
import { convertHtmlToMarkdown } from './html-to-markdown';
import { ImportRefusedError } from './import-refused';
import { matchPost } from './match-posts';

/** An old page whose comments found no Folio post: listed for the blogger, never imported. */
export interface UnmatchedThread {
  link: string;
  title: string;
  comments: number;
}

/** What an import will store, and what it leaves out and why: the summary printed before anything is stored. */
export interface ImportPlan {
  source: string;
  /** Parents before their replies, as `restoreComments` takes them. */
  comments: SourceComment[];
  unmatched: UnmatchedThread[];
  /** Deleted comments: `skipped` when nothing readable answers them, else kept as a placeholder. */
  deleted: { skipped: number; kept: number };
  skippedPingbacks: number;
  /** Replies whose comment is not in the file (or is on another post): imported as comments of their own. */
  orphans: number;
}

/**
 * A deleted comment that readable replies answer stays, so that the thread reads as it did: published,
 * so that its replies stay under it, but with neither its text nor its author.
 */
export const deletedPlaceholder = { authorName: 'deleted', body: '[deleted]' } as const;

interface Entry {
  comment: ExportedComment;
  postSlug: string;
  body: string;
  state: ExportedState;
  parent?: Entry;
  replies: Entry[];
  /** A reply below it, however deep, is published (or is a placeholder for one that is). */
  answeredVisibly?: boolean;
  keep?: boolean;
  /** The nearest kept comment it answers, once the deleted ones between are left out. */
  keptParentId?: string | null;
}

function convertBody(comment: ExportedComment): string {
  try {
    return removeUnstorable(convertHtmlToMarkdown(comment.html));
  } catch (error) {
    throw new ImportRefusedError(`The text of comment ${comment.id} could not be converted (${error instanceof Error ? error.message : String(error)}); nothing was imported.`);
  }
}

/** The value when the comment form would accept it, else nothing: an import keeps no address a reader could not have given. */
function acceptedOrNull(field: 'email' | 'website', value: string): string | null {
  const parsed = commentFieldsSchema.shape[field].safeParse(value);
  if (!parsed.success || parsed.data === '') return null;
  // As a browser would send it: quotes and spaces in an address are percent-encoded.
  return field === 'website' ? new URL(parsed.data).href : parsed.data;
}

function toSourceComment({ comment, postSlug, body, state, keptParentId }: Entry): SourceComment {
  const common = { sourceId: comment.id, parentSourceId: keptParentId ?? null, postSlug, createdAt: comment.createdAt, editedAt: null, byAuthor: false };
  if (state === 'deleted') {
    return { ...common, ...deletedPlaceholder, authorEmail: null, authorUrl: null, authorKey: deletedCommentAuthorKey(), ipHash: hashIdentity('ip', ''), status: 'approved' };
  }
  const ipHash = hashIdentity('ip', comment.ip);
  const authorName = removeUnstorable(comment.authorName).trim() || 'Anonymous';
  const authorEmail = acceptedOrNull('email', comment.authorEmail);
  return {
    ...common,
    authorName,
    authorEmail,
    authorUrl: acceptedOrNull('website', comment.authorUrl),
    authorKey: readerAuthorKey(authorName, authorEmail, ipHash),
    ipHash,
    body,
    status: state,
  };
}

/** Each matched comment once, linked to the comment it answers on the same post; returns the replies whose comment is missing. */
function linkReplies(entries: Entry[]): number {
  const byId = new Map<string, Entry>();
  for (const entry of entries) {
    if (byId.has(entry.comment.id)) throw new ImportRefusedError(`Comment ${entry.comment.id} appears twice in the file; nothing was imported.`);
    byId.set(entry.comment.id, entry);
  }
  let orphans = 0;
  for (const entry of entries) {
    if (entry.comment.parentId === null) continue;
    const parent = byId.get(entry.comment.parentId);
    if (parent && parent.postSlug === entry.postSlug) {
      entry.parent = parent;
      parent.replies.push(entry);
    } else orphans += 1;
  }
  return orphans;
}

/** Parents before their replies; refuses a file whose replies answer each other in a circle. */
function parentsFirst(entries: Entry[]): Entry[] {
  const ordered = entries.filter((entry) => !entry.parent);
  for (let index = 0; index < ordered.length; index += 1) ordered.push(...(ordered[index]?.replies ?? []));
  if (ordered.length < entries.length) {
    const placed = new Set(ordered);
    const looped = entries.find((entry) => !placed.has(entry));
    throw new ImportRefusedError(`Comment ${looped?.comment.id} is in a circle of replies that answer each other; nothing was imported.`);
  }
  return ordered;
}

/** Decides which deleted comments stay as placeholders, and whom every kept reply answers. */
function keepReadableThreads(ordered: Entry[]): void {
  // Replies come after their parents: walking backwards sees every reply before the comment it answers.
  for (const entry of [...ordered].reverse()) {
    entry.answeredVisibly = entry.replies.some((reply) => reply.state === 'approved' || reply.answeredVisibly);
  }
  for (const entry of ordered) {
    entry.keep = entry.state !== 'deleted' || entry.answeredVisibly === true;
    const parent = entry.parent;
    entry.keptParentId = !parent ? null : parent.keep ? parent.comment.id : parent.keptParentId;
  }
}

function listUnmatched(exported: CommentsExport, unmatchedCounts: Map<string, number>): UnmatchedThread[] {
  const threads = new Map(exported.threads.map((thread) => [thread.key, thread]));
  return [...unmatchedCounts].map(([key, comments]) => {
    const thread = threads.get(key);
    return { link: thread?.link || `thread ${key}, which the file does not describe`, title: thread?.title ?? '', comments };
  });
}

/** What importing a Disqus or WordPress export into these posts would store, without storing anything. */
export function planExportImport(exported: CommentsExport, postSlugs: ReadonlySet<string>): ImportPlan {
  const postOfThread = new Map(exported.threads.map((thread) => [thread.key, matchPost(thread.slugHints, postSlugs)]));
  const unmatchedCounts = new Map<string, number>();
  const entries: Entry[] = [];
  for (const comment of exported.comments) {
    const postSlug = postOfThread.get(comment.threadKey);
    if (postSlug === undefined) {
      unmatchedCounts.set(comment.threadKey, (unmatchedCounts.get(comment.threadKey) ?? 0) + 1);
      continue;
    }
    const body = comment.state === 'deleted' ? '' : convertBody(comment);
    // A comment with no text left (an image, a script) has nothing to show: it is treated as deleted.
    entries.push({ comment, postSlug, body, state: body.trim() === '' ? 'deleted' : comment.state, replies: [] });
  }
  const orphans = linkReplies(entries);
  const ordered = parentsFirst(entries);
  keepReadableThreads(ordered);
  const kept = ordered.filter((entry) => entry.keep);
  const deleted = entries.filter((entry) => entry.state === 'deleted');
  const placeholders = kept.filter((entry) => entry.state === 'deleted').length;
  return {
    source: exported.source,
    comments: kept.map(toSourceComment),
    unmatched: listUnmatched(exported, unmatchedCounts),
    deleted: { skipped: deleted.length - placeholders, kept: placeholders },
    skippedPingbacks: exported.skippedPingbacks,
    orphans,
  };
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The summary printed before an import stores anything (and all that a dry run does). */
export function formatImportSummary(plan: ImportPlan): string[] {
  const perPost = new Map<string, Record<CommentStatus, number>>();
  for (const comment of plan.comments) {
    const counts = perPost.get(comment.postSlug) ?? { approved: 0, pending: 0, spam: 0 };
    counts[comment.status] += 1;
    perPost.set(comment.postSlug, counts);
  }
  const lines = [`${plan.source}: ${plural(plan.comments.length, 'comment')} for ${plural(perPost.size, 'post')}.`];
  for (const [slug, counts] of [...perPost].sort(([a], [b]) => a.localeCompare(b))) {
    const states = Object.entries(counts).filter(([, count]) => count > 0).map(([state, count]) => `${count} ${state}`);
    lines.push(`  ${slug}: ${states.join(', ')}`);
  }
  const { skipped, kept } = plan.deleted;
  if (skipped + kept > 0) {
    lines.push(
      `Deleted comments (or left with no text once converted): ${skipped} skipped, as no published reply answers them; ${kept} kept as "${deletedPlaceholder.body}" by "${deletedPlaceholder.authorName}", published, so that the replies below stay in their thread.`,
    );
  }
  if (plan.skippedPingbacks > 0) lines.push(`Pingbacks and trackbacks: ${plan.skippedPingbacks} skipped.`);
  if (plan.orphans > 0) lines.push(`Replies to a comment not in the file: ${plan.orphans}, imported as comments of their own.`);
  if (plan.unmatched.length > 0) {
    lines.push(`Not imported, as no post has their slug (the last part of the link, or WordPress's post name): ${plural(plan.unmatched.length, 'thread')}`);
    for (const thread of plan.unmatched) lines.push(`  ${thread.link}${thread.title ? ` ("${thread.title}")` : ''}: ${plural(thread.comments, 'comment')}`);
  }
  return lines;
}

import 'server-only';
import { connectDatabase } from '@/db/client';
import type { DatabaseTarget } from '@/db/connection.mjs';
import { resolveDatabaseTarget } from '@/db/connection.mjs';
import type { comments } from '@/db/schema.sqlite';
import type { CommentStatus } from '@/db/statuses';
import { createPostgresStore } from './store-postgres';
import { createSqliteStore } from './store-sqlite';

export type Comment = typeof comments.$inferSelect;
export type NewComment = Omit<typeof comments.$inferInsert, 'id' | 'editedAt'>;
/** A comment as a backup holds it, to be stored again under whatever id the database gives it. */
export type RestoredComment = Omit<Comment, 'id'>;

/** Everything the rest of Folio asks of the database; both engines pass the same contract tests. */
export interface CommentStore {
  addComment(comment: NewComment | RestoredComment): Promise<Comment>;
  /**
   * Adds the comment unless its IP hash has written `limit.max` comments since `limit.since`, in
   * which case it returns when those were written (oldest first). Count and insert are atomic.
   */
  addCommentWithinLimit(comment: NewComment, limit: { since: Date; max: number }): Promise<{ added: Comment } | { limited: Date[] }>;
  getComment(id: number): Promise<Comment | undefined>;
  /** Every comment in every state, in the order they were stored. */
  listAll(): Promise<Comment[]>;
  /** A post's approved comments, oldest first. */
  listApproved(postSlug: string): Promise<Comment[]>;
  /** Approved comments per post slug; posts without any are absent. */
  countApprovedByPost(): Promise<Map<string, number>>;
  /** Comments in one state across all posts, newest first. */
  listByStatus(status: CommentStatus, limit: number): Promise<Comment[]>;
  setStatus(id: number, status: CommentStatus): Promise<Comment | undefined>;
  editBody(id: number, body: string, editedAt: Date): Promise<Comment | undefined>;
  /** Deletes the comment and its replies; returns the deleted comment. */
  deleteComment(id: number): Promise<Comment | undefined>;
  /** When each comment from this IP hash since `since` was written, oldest first. */
  listRecentFromIp(ipHash: string, since: Date): Promise<Date[]>;
  hasApprovedFromAuthor(authorKey: string): Promise<boolean>;
  hasSameComment(comment: Pick<Comment, 'postSlug' | 'ipHash' | 'body'>): Promise<boolean>;
  recordLoginFailure(ipHash: string, at: Date): Promise<void>;
  listLoginFailures(ipHash: string, since: Date): Promise<Date[]>;
  close(): Promise<void>;
}

export function createCommentStore(target: DatabaseTarget): CommentStore {
  const connection = connectDatabase(target);
  return connection.engine === 'sqlite' ? createSqliteStore(connection.db) : createPostgresStore(connection.db);
}

let sharedStore: CommentStore | undefined;

/**
 * The app's store, opened on first use. A failed open is not kept, so that comments come back
 * by themselves once the database is reachable again.
 */
export function getCommentStore(): CommentStore {
  sharedStore ??= createCommentStore(resolveDatabaseTarget());
  return sharedStore;
}

import type * as pgSchema from '@/db/schema.pg';
import type * as sqliteSchema from '@/db/schema.sqlite';
import type { MailKind, RecipientStatus } from '@/db/mail-kinds';
import type { CommentStatus } from '@/db/statuses';

type IsSame<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** The row type both schemas infer; should the two drift apart, nothing that stores or shows comments compiles, and the errors say why. */
type SharedRow<Sqlite, Postgres> = IsSame<Sqlite, Postgres> extends true ? Sqlite : { 'the SQLite and PostgreSQL schemas infer different rows': [Sqlite, Postgres] };

export type Comment = SharedRow<typeof sqliteSchema.comments.$inferSelect, typeof pgSchema.comments.$inferSelect>;
export type NewComment = SharedRow<
  Omit<typeof sqliteSchema.comments.$inferInsert, 'id' | 'editedAt'>,
  Omit<typeof pgSchema.comments.$inferInsert, 'id' | 'editedAt'>
>;
export type OutboxMail = SharedRow<typeof sqliteSchema.mailOutbox.$inferSelect, typeof pgSchema.mailOutbox.$inferSelect>;
export type NewOutboxMail = Pick<OutboxMail, 'dedupeKey' | 'kind' | 'recipient' | 'subject' | 'text' | 'html' | 'headers' | 'createdAt'>;
export type MailRecipient = SharedRow<typeof sqliteSchema.mailRecipients.$inferSelect, typeof pgSchema.mailRecipients.$inferSelect>;

/** A comment as a backup holds it, to be stored again under whatever id the database gives it. */
export type RestoredComment = Omit<Comment, 'id'>;

/** A comment of a batch: it answers nothing, a comment stored before (`storedId`) or one earlier in the same batch (`batchIndex`). */
export type BatchedComment = Omit<RestoredComment, 'parentId'> & { parent: null | { storedId: number } | { batchIndex: number } };

/** Everything the rest of Folio asks of the database; both engines pass the same contract tests. */
export interface CommentStore {
  addComment(comment: NewComment | RestoredComment): Promise<Comment>;
  /** Stores every comment of the batch, in order, or (should any fail) none of them: an import is never half done. */
  addCommentBatch(comments: BatchedComment[]): Promise<Comment[]>;
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
  hasApprovedFromAuthor(authorKey: string): Promise<boolean>;
  hasSameComment(comment: Pick<Comment, 'postSlug' | 'ipHash' | 'body'>): Promise<boolean>;
  recordLoginFailure(ipHash: string, at: Date): Promise<void>;
  listLoginFailures(ipHash: string, since: Date): Promise<Date[]>;

  /** Queues a message unless one with its dedupe key was ever queued; true when this call queued it. */
  queueMail(mail: NewOutboxMail): Promise<boolean>;
  /** Unsent messages due by `now` and tried fewer than `maxAttempts` times, oldest first. */
  listDueMail(now: Date, maxAttempts: number, limit: number): Promise<OutboxMail[]>;
  /**
   * Takes a message listed as due for one sender until `leaseUntil`, counting the attempt; undefined
   * when it was sent or another sender took it since it was listed.
   */
  claimMail(mail: Pick<OutboxMail, 'id' | 'attempts'>, now: Date, leaseUntil: Date): Promise<OutboxMail | undefined>;
  markMailSent(id: number, at: Date): Promise<void>;
  markMailFailed(id: number, error: string, retryAt: Date): Promise<void>;
  /** Unsent messages whose last attempt failed, newest first. */
  listFailedMail(limit: number): Promise<OutboxMail[]>;
  /** When the newest message of this kind was queued. */
  latestMailAt(kind: MailKind): Promise<Date | undefined>;
  /** Marks a single-use link used, and forgets those used before `forgetBefore`; false if it was used already. */
  useMailLink(nonce: string, at: Date, forgetBefore: Date): Promise<boolean>;
  hasUsedMailLink(nonce: string): Promise<boolean>;
  getMailRecipient(address: string): Promise<MailRecipient | undefined>;
  /** Stores the address with this status, whether it was known or not. */
  setMailRecipient(address: string, status: RecipientStatus, at: Date): Promise<MailRecipient>;
  /** The comment's writer asks for its replies at this address; asking again changes the address. */
  subscribeToReplies(commentId: number, address: string): Promise<void>;
  /** Where replies to this comment go, if its writer asked for them. */
  getReplySubscription(commentId: number): Promise<string | undefined>;
  close(): Promise<void>;
}

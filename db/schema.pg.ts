import { type AnyPgColumn, boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { mailKinds, recipientStatuses } from './mail-kinds';
import { commentStatuses } from './statuses';

const timestampColumn = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

export const comments = pgTable(
  'comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    postSlug: text('post_slug').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    authorName: text('author_name').notNull(),
    authorEmail: text('author_email'),
    authorUrl: text('author_url'),
    authorKey: text('author_key').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: commentStatuses }).notNull(),
    ipHash: text('ip_hash').notNull(),
    createdAt: timestampColumn('created_at').notNull(),
    editedAt: timestampColumn('edited_at'),
    /** Posted by the signed-in blogger: shown with the "Author" label. */
    byAuthor: boolean('by_author').notNull().default(false),
  },
  (table) => [
    index('comments_post_status_idx').on(table.postSlug, table.status),
    index('comments_ip_created_idx').on(table.ipHash, table.createdAt),
    index('comments_author_status_idx').on(table.authorKey, table.status),
  ],
);

export const loginFailures = pgTable(
  'login_failures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ipHash: text('ip_hash').notNull(),
    createdAt: timestampColumn('created_at').notNull(),
  },
  (table) => [index('login_failures_ip_created_idx').on(table.ipHash, table.createdAt)],
);

/**
 * Every e-mail Folio sends, written before it is sent: a send that fails stays here to be tried again
 * and shown in /admin. `dedupeKey` names what the message is about, so that nothing is sent twice.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    kind: text('kind', { enum: mailKinds }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** JSON: the extra headers (List-Unsubscribe…). */
    headers: text('headers').notNull(),
    createdAt: timestampColumn('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Not tried before then: a retry's backoff, or the lease of the sender trying it now. */
    nextAttemptAt: timestampColumn('next_attempt_at').notNull(),
    sentAt: timestampColumn('sent_at'),
    lastError: text('last_error'),
  },
  (table) => [index('mail_outbox_due_idx').on(table.sentAt, table.nextAttemptAt), index('mail_outbox_kind_created_idx').on(table.kind, table.createdAt)],
);

/** The single-use links that have been used, kept until they would have expired anyway. */
export const usedMailLinks = pgTable('used_mail_links', {
  nonce: text('nonce').primaryKey(),
  usedAt: timestampColumn('used_at').notNull(),
});

/** Readers' addresses that asked for replies: mail goes only to confirmed ones (double opt-in). */
export const mailRecipients = pgTable('mail_recipients', {
  address: text('address').primaryKey(),
  status: text('status', { enum: recipientStatuses }).notNull(),
  updatedAt: timestampColumn('updated_at').notNull(),
});

/** A comment whose writer asked to be sent the replies to it. */
export const replySubscriptions = pgTable('reply_subscriptions', {
  commentId: integer('comment_id')
    .primaryKey()
    .references(() => comments.id, { onDelete: 'cascade' }),
  address: text('address').notNull(),
});

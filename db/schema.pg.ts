import { type AnyPgColumn, boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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

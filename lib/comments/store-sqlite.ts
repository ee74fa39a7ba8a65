import type { SqliteDatabase } from '@/db/client';
import * as schema from '@/db/schema.sqlite';
import type { Comment, CommentStore } from './comment-store';
import { buildRecentFromIpQuery, createStoreQueries, refuseAtLimit, requireStored, toBatchRow } from './store-queries';

export function createSqliteStore(db: SqliteDatabase): CommentStore {
  return {
    ...createStoreQueries(db, schema),
    async addCommentWithinLimit(comment, limit) {
      // Synchronous and IMMEDIATE: no other writer can slip in between the count and the insert.
      return db.transaction(
        (tx) => {
          const recent = tx.query.comments.findMany(buildRecentFromIpQuery(schema.comments, comment.ipHash, limit)).sync();
          return refuseAtLimit(recent, limit.max) ?? { added: requireStored(tx.insert(schema.comments).values(comment).returning().get()) };
        },
        { behavior: 'immediate' },
      );
    },
    async addCommentBatch(batch) {
      // better-sqlite3 transactions are synchronous: a throw anywhere rolls every insert back.
      return db.transaction(
        (tx) => {
          const stored: Comment[] = [];
          for (const comment of batch) stored.push(requireStored(tx.insert(schema.comments).values(toBatchRow(comment, stored)).returning().get()));
          return stored;
        },
        { behavior: 'immediate' },
      );
    },
  };
}

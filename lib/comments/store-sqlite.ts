import type { SqliteDatabase } from '@/db/client';
import * as schema from '@/db/schema.sqlite';
import type { CommentStore } from './comment-store';
import { buildRecentFromIpQuery, createStoreQueries, refuseAtLimit, requireStored } from './store-queries';

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
  };
}

import { sql } from 'drizzle-orm';
import type { PostgresDatabase } from '@/db/client';
import * as schema from '@/db/schema.pg';
import type { Comment, CommentStore } from './comment-store';
import { buildRecentFromIpQuery, createStoreQueries, refuseAtLimit, requireStored, toBatchRow } from './store-queries';

export function createPostgresStore(db: PostgresDatabase): CommentStore {
  return {
    ...createStoreQueries(db, schema),
    addCommentWithinLimit(comment, limit) {
      return db.transaction(async (tx) => {
        // Concurrent submissions from one address wait for each other, even across Folio processes.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${comment.ipHash}))`);
        const recent = await tx.query.comments.findMany(buildRecentFromIpQuery(schema.comments, comment.ipHash, limit));
        return refuseAtLimit(recent, limit.max) ?? { added: requireStored((await tx.insert(schema.comments).values(comment).returning())[0]) };
      });
    },
    addCommentBatch(batch) {
      return db.transaction(async (tx) => {
        const stored: Comment[] = [];
        for (const comment of batch) stored.push(requireStored((await tx.insert(schema.comments).values(toBatchRow(comment, stored)).returning())[0]));
        return stored;
      });
    },
  };
}

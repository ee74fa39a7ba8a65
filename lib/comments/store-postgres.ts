import { and, asc, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { PostgresDatabase } from '@/db/client';
import { comments, loginFailures } from '@/db/schema.pg';
import type { CommentStore } from './store';

/** When each comment from this IP hash since `since` was written, oldest first; at most `max` of them, all a rate limit needs. */
function selectRecentFromIp(db: Pick<PostgresDatabase, 'select'>, ipHash: string, since: Date, max = Number.MAX_SAFE_INTEGER) {
  return db
    .select({ createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.ipHash, ipHash), gte(comments.createdAt, since)))
    .orderBy(asc(comments.createdAt))
    .limit(max);
}

export function createPostgresStore(db: PostgresDatabase): CommentStore {
  return {
    async addComment(comment) {
      const [added] = await db.insert(comments).values(comment).returning();
      if (!added) throw new Error('The comment was not stored');
      return added;
    },
    addCommentWithinLimit(comment, limit) {
      return db.transaction(async (tx) => {
        // Concurrent submissions from one address wait for each other, even across Folio processes.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${comment.ipHash}))`);
        const recent = await selectRecentFromIp(tx, comment.ipHash, limit.since, limit.max);
        if (recent.length >= limit.max) return { limited: recent.map((row) => row.createdAt) };
        const [added] = await tx.insert(comments).values(comment).returning();
        if (!added) throw new Error('The comment was not stored');
        return { added };
      });
    },
    getComment: (id) => db.query.comments.findFirst({ where: eq(comments.id, id) }),
    listAll: () => db.query.comments.findMany({ orderBy: [asc(comments.id)] }),
    listApproved: (postSlug) =>
      db.query.comments.findMany({
        where: and(eq(comments.postSlug, postSlug), eq(comments.status, 'approved')),
        orderBy: [asc(comments.createdAt), asc(comments.id)],
      }),
    async countApprovedByPost() {
      const rows = await db
        .select({ postSlug: comments.postSlug, total: count() })
        .from(comments)
        .where(eq(comments.status, 'approved'))
        .groupBy(comments.postSlug);
      return new Map(rows.map((row) => [row.postSlug, row.total]));
    },
    listByStatus: (status, limit) =>
      db.query.comments.findMany({
        where: eq(comments.status, status),
        orderBy: [desc(comments.createdAt), desc(comments.id)],
        limit,
      }),
    async setStatus(id, status) {
      return (await db.update(comments).set({ status }).where(eq(comments.id, id)).returning())[0];
    },
    async editBody(id, body, editedAt) {
      return (await db.update(comments).set({ body, editedAt }).where(eq(comments.id, id)).returning())[0];
    },
    async deleteComment(id) {
      return (await db.delete(comments).where(eq(comments.id, id)).returning())[0];
    },
    async listRecentFromIp(ipHash, since) {
      return (await selectRecentFromIp(db, ipHash, since)).map((row) => row.createdAt);
    },
    async hasApprovedFromAuthor(authorKey) {
      const found = await db.query.comments.findFirst({
        columns: { id: true },
        where: and(eq(comments.authorKey, authorKey), eq(comments.status, 'approved')),
      });
      return found !== undefined;
    },
    async hasSameComment({ postSlug, ipHash, body }) {
      const found = await db.query.comments.findFirst({
        columns: { id: true },
        where: and(eq(comments.postSlug, postSlug), eq(comments.ipHash, ipHash), eq(comments.body, body)),
      });
      return found !== undefined;
    },
    async recordLoginFailure(ipHash, createdAt) {
      await db.insert(loginFailures).values({ ipHash, createdAt });
    },
    async listLoginFailures(ipHash, since) {
      const rows = await db
        .select({ createdAt: loginFailures.createdAt })
        .from(loginFailures)
        .where(and(eq(loginFailures.ipHash, ipHash), gte(loginFailures.createdAt, since)))
        .orderBy(asc(loginFailures.createdAt));
      return rows.map((row) => row.createdAt);
    },
    close: () => db.close(),
  };
}

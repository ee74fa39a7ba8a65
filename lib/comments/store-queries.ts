import { and, asc, count, desc, eq, gte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type * as pgSchema from '@/db/schema.pg';
import type * as sqliteSchema from '@/db/schema.sqlite';
import type { BatchedComment, Comment, CommentStore, NewComment, RestoredComment } from './comment-store';
import { createMailQueries, type MailDatabase } from './store-mail-queries';

type Tables = typeof sqliteSchema | typeof pgSchema;
type Where = SQL | undefined;

/**
 * The parts of a drizzle database that the shared queries use, typed by the rows both engines share.
 * Each engine's database is checked against them where the engine passes it in, so the queries below
 * are written once yet type-checked for SQLite and PostgreSQL alike. One part per table: TypeScript
 * checks an overloaded method without its row types, so neither part may overload one.
 */
interface CommentTable<T extends Tables> {
  query: {
    comments: {
      findFirst(config: { where: Where }): Promise<Comment | undefined>;
      findMany(config: { where?: Where; orderBy: SQL[]; limit?: number }): Promise<Comment[]>;
    };
  };
  /** Drizzle itself overloads `select`, so its rows reach this check untyped; `postCountsSchema` checks them instead. */
  select(fields: { postSlug: T['comments']['postSlug']; total: SQL<number> }): {
    from(table: T['comments']): { where(where: Where): { groupBy(column: T['comments']['postSlug']): PromiseLike<unknown> } };
  };
  insert(table: T['comments']): { values(comment: NewComment | RestoredComment): { returning(): Promise<Comment[]> } };
  update(table: T['comments']): { set(change: Partial<Comment>): { where(where: Where): { returning(): Promise<Comment[]> } } };
  delete(table: T['comments']): { where(where: Where): { returning(): Promise<Comment[]> } };
}

interface LoginFailureTable<T extends Tables> {
  query: {
    loginFailures: {
      findMany(config: { columns: { createdAt: true }; where: Where; orderBy: SQL[] }): Promise<{ createdAt: Date }[]>;
    };
  };
  insert(table: T['loginFailures']): { values(failure: { ipHash: string; createdAt: Date }): Promise<unknown> };
}

type StoreDatabase<T extends Tables> = CommentTable<T> & LoginFailureTable<T> & MailDatabase<T> & { close(): Promise<void> };

const postCountsSchema = z.array(z.object({ postSlug: z.string(), total: z.number() }));

/** Every store method that reads or writes the same way on both engines. */
export function createStoreQueries<T extends Tables>(db: StoreDatabase<T>, tables: T): Omit<CommentStore, 'addCommentWithinLimit' | 'addCommentBatch'> {
  const { comments, loginFailures } = tables;
  const exists = async (where: Where) => (await db.query.comments.findFirst({ where })) !== undefined;
  return {
    addComment: async (comment) => requireStored<Comment>((await db.insert(comments).values(comment).returning())[0]),
    getComment: (id) => db.query.comments.findFirst({ where: eq(comments.id, id) }),
    listAll: () => db.query.comments.findMany({ orderBy: [asc(comments.id)] }),
    listApproved: (postSlug) =>
      db.query.comments.findMany({
        where: and(eq(comments.postSlug, postSlug), eq(comments.status, 'approved')),
        orderBy: [asc(comments.createdAt), asc(comments.id)],
      }),
    async countApprovedByPost() {
      const rows = postCountsSchema.parse(
        await db
          .select({ postSlug: comments.postSlug, total: count() })
          .from(comments)
          .where(eq(comments.status, 'approved'))
          .groupBy(comments.postSlug),
      );
      return new Map(rows.map((row) => [row.postSlug, row.total]));
    },
    listByStatus: (status, limit) =>
      db.query.comments.findMany({
        where: eq(comments.status, status),
        orderBy: [desc(comments.createdAt), desc(comments.id)],
        limit,
      }),
    setStatus: async (id, status) => (await db.update(comments).set({ status }).where(eq(comments.id, id)).returning())[0],
    editBody: async (id, body, editedAt) => (await db.update(comments).set({ body, editedAt }).where(eq(comments.id, id)).returning())[0],
    deleteComment: async (id) => (await db.delete(comments).where(eq(comments.id, id)).returning())[0],
    hasApprovedFromAuthor: (authorKey) => exists(and(eq(comments.authorKey, authorKey), eq(comments.status, 'approved'))),
    hasSameComment: ({ postSlug, ipHash, body }) => exists(and(eq(comments.postSlug, postSlug), eq(comments.ipHash, ipHash), eq(comments.body, body))),
    async recordLoginFailure(ipHash, createdAt) {
      await db.insert(loginFailures).values({ ipHash, createdAt });
    },
    async listLoginFailures(ipHash, since) {
      const rows = await db.query.loginFailures.findMany({
        columns: { createdAt: true },
        where: and(eq(loginFailures.ipHash, ipHash), gte(loginFailures.createdAt, since)),
        orderBy: [asc(loginFailures.createdAt)],
      });
      return rows.map((row) => row.createdAt);
    },
    ...createMailQueries(db, tables),
    close: () => db.close(),
  };
}

/** When each comment from this IP hash since `limit.since` was written, oldest first; at most `limit.max` of them, all a rate limit needs. */
export function buildRecentFromIpQuery(
  comments: Tables['comments'],
  ipHash: string,
  limit: { since: Date; max: number },
): { columns: { createdAt: true }; where: Where; orderBy: SQL[]; limit: number } {
  return {
    columns: { createdAt: true },
    where: and(eq(comments.ipHash, ipHash), gte(comments.createdAt, limit.since)),
    orderBy: [asc(comments.createdAt)],
    limit: limit.max,
  };
}

/** The refusal to give when `recent` already holds `max` comments, or nothing while there is room. */
export function refuseAtLimit(recent: { createdAt: Date }[], max: number): { limited: Date[] } | undefined {
  return recent.length >= max ? { limited: recent.map((row) => row.createdAt) } : undefined;
}

export function requireStored<Row = Comment>(added: Row | undefined, what = 'comment'): Row {
  if (!added) throw new Error(`The ${what} was not stored`);
  return added;
}

/** The batch comment as a row to insert, its parent resolved against the rows of the batch stored so far. */
export function toBatchRow({ parent, ...comment }: BatchedComment, storedSoFar: Comment[]): RestoredComment {
  if (parent === null || 'storedId' in parent) return { ...comment, parentId: parent?.storedId ?? null };
  const stored = storedSoFar[parent.batchIndex];
  if (!stored) throw new Error(`A comment of the batch answers comment ${parent.batchIndex} of it, which is not stored before it`);
  return { ...comment, parentId: stored.id };
}

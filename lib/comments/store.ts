import 'server-only';
import { connectDatabase } from '@/db/client';
import type { DatabaseTarget } from '@/db/connection.mjs';
import { resolveDatabaseTarget } from '@/db/connection.mjs';
import type { CommentStore } from './comment-store';
import { createPostgresStore } from './store-postgres';
import { createSqliteStore } from './store-sqlite';

export function createCommentStore(target: DatabaseTarget): CommentStore {
  const connection = connectDatabase(target);
  return connection.engine === 'sqlite' ? createSqliteStore(connection.db) : createPostgresStore(connection.db);
}

// Process-wide: every route bundle has its own copy of this module, and one process opens one pool.
const processWide = globalThis as typeof globalThis & { folioCommentStore?: CommentStore };

/**
 * The app's store, opened on first use. A failed open is not kept, so that comments come back
 * by themselves once the database is reachable again.
 */
export function getCommentStore(): CommentStore {
  processWide.folioCommentStore ??= createCommentStore(resolveDatabaseTarget());
  return processWide.folioCommentStore;
}

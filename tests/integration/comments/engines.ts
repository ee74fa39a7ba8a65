import { afterAll, beforeAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DatabaseTarget, openPostgres } from '@/db/connection.mjs';
import { migrateDatabase } from '@/db/migrate.mjs';
import type { CommentStore } from '@/lib/comments/comment-store';
import { createCommentStore } from '@/lib/comments/store';
import { testServices } from '@/tests/support/services';

export interface TestDatabase {
  target: DatabaseTarget;
  store: CommentStore;
  /** Closes the store and removes the database this run created, and nothing else. */
  drop(): Promise<void>;
}

async function createSqliteDatabase(): Promise<TestDatabase> {
  const directory = await mkdtemp(path.join(tmpdir(), 'folio-comments-'));
  const target: DatabaseTarget = { engine: 'sqlite', file: path.join(directory, 'comments.sqlite') };
  await migrateDatabase(target);
  const store = createCommentStore(target);
  return { target, store, drop: async () => (await store.close(), await rm(directory, { recursive: true, force: true })) };
}

/** An empty database of the run's own on the shared server: other test runs use the same server at the same time. */
export async function createEmptyPostgresDatabase(serverUrl: string): Promise<{ target: DatabaseTarget & { engine: 'postgres' }; drop(): Promise<void> }> {
  const name = `folio_test_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(serverUrl);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { engine: 'postgres', url: url.toString() },
    async drop() {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const database = await createEmptyPostgresDatabase(serverUrl);
  await migrateDatabase(database.target);
  const store = createCommentStore(database.target);
  return { target: database.target, store, drop: async () => (await store.close(), await database.drop()) };
}

const postgresUrl = testServices.TEST_DATABASE_URL;

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server. */
export const engines: { name: string; create(): Promise<TestDatabase> }[] = [
  { name: 'SQLite', create: createSqliteDatabase },
  ...(postgresUrl ? [{ name: 'PostgreSQL', create: () => createPostgresDatabase(postgresUrl) }] : []),
];

/** A fresh database for the enclosing `describe`, dropped after it; call the result inside tests. */
export function useTestDatabase(create: () => Promise<TestDatabase>): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await create();
  });
  afterAll(() => database?.drop());
  return () => {
    if (!database) throw new Error('The test database is not ready');
    return database;
  };
}

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openPostgres } from '@/db/connection.mjs';
import { migrateDatabase } from '@/db/migrate.mjs';

export interface StoredComment {
  id: number;
  author_name: string;
  author_email: string | null;
  author_url: string | null;
  body: string;
  status: string;
}

/** A migrated comments database of a test's own, read directly so that what was stored is seen as stored. */
export interface ScratchDatabase {
  engine: 'SQLite' | 'PostgreSQL';
  /** DATABASE_URL for a Folio server. */
  url: string;
  comments(): Promise<StoredComment[]>;
  approveAll(): Promise<void>;
  drop(): Promise<void>;
}

const selectComments = 'SELECT id, author_name, author_email, author_url, body, status FROM comments ORDER BY id';
const approveComments = "UPDATE comments SET status = 'approved'";

export async function createScratchSqlite(): Promise<ScratchDatabase> {
  const directory = await mkdtemp(path.join(tmpdir(), 'folio-hostile-'));
  const file = path.join(directory, 'comments.sqlite');
  await migrateDatabase({ engine: 'sqlite', file });
  const withDatabase = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    engine: 'SQLite',
    url: `file:${file}`,
    comments: async () => withDatabase((db) => db.prepare<[], StoredComment>(selectComments).all()),
    approveAll: async () => void withDatabase((db) => db.prepare(approveComments).run()),
    drop: () => rm(directory, { recursive: true, force: true }),
  };
}

/** A fresh database on a PostgreSQL server that others use too: only this one is ever dropped. */
export async function createScratchPostgres(serverUrl: string): Promise<ScratchDatabase> {
  const name = `folio_hostile_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(serverUrl);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase({ engine: 'postgres', url: url.toString() });
  const sql = openPostgres(url.toString());
  return {
    engine: 'PostgreSQL',
    url: url.toString(),
    comments: async () => [...(await sql.unsafe<StoredComment[]>(selectComments))],
    approveAll: async () => void (await sql.unsafe(approveComments)),
    async drop() {
      await sql.end();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

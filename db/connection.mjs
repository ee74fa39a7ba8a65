// Plain JavaScript so that `npm start` and `npm run db:migrate` (plain Node) share it with the app.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import postgres from 'postgres';

/** @typedef {{ engine: 'sqlite', file: string } | { engine: 'postgres', url: string }} DatabaseTarget */

/** Where Folio keeps its own files: the SQLite database and the generated secret. */
export function dataDirectory() {
  return path.resolve(/*turbopackIgnore: true*/ process.env.FOLIO_DATA_DIR || 'data');
}

/**
 * `DATABASE_URL` unset: the embedded SQLite file under data/; `postgres://…`: PostgreSQL;
 * `file:path`: SQLite at that path.
 * @param {string | undefined} url
 * @returns {DatabaseTarget}
 */
export function resolveDatabaseTarget(url = process.env.DATABASE_URL) {
  if (!url) return { engine: 'sqlite', file: path.join(/*turbopackIgnore: true*/ dataDirectory(), 'folio.sqlite') };
  if (/^postgres(ql)?:\/\//.test(url)) return { engine: 'postgres', url };
  if (url.startsWith('file:')) return { engine: 'sqlite', file: path.resolve(/*turbopackIgnore: true*/ url.slice('file:'.length)) };
  throw new Error('DATABASE_URL must start with postgres://, postgresql:// or file:');
}

/**
 * An acknowledged comment must survive a crash (synchronous=FULL); WAL lets pages regenerate
 * while a comment is written, and the busy timeout covers two writers at once.
 * @param {string} file
 * @param {{ create: boolean }} options
 */
export function openSqlite(file, { create }) {
  if (create) mkdirSync(path.dirname(/*turbopackIgnore: true*/ file), { recursive: true });
  const sqlite = new Database(file, { fileMustExist: !create, timeout: 5_000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

/** @param {string} url */
export function openPostgres(url) {
  return postgres(url, { max: 5, connect_timeout: 5, idle_timeout: 30, onnotice: () => {} });
}

/** @param {DatabaseTarget['engine']} engine */
export function migrationsFolder(engine) {
  return path.resolve(/*turbopackIgnore: true*/ 'db/migrations', engine === 'sqlite' ? 'sqlite' : 'pg');
}

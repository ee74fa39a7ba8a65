// Plain JavaScript so that `npm start` and `npm run db:migrate` (plain Node) share it with the app.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { detectEphemeralHost, embeddedDatabaseRefusal } from '../lib/deploy/environment.mjs';
import { errorCode } from '../lib/deploy/error-code.mjs';
import { dataDirectory } from '../lib/deploy/paths.mjs';

/** @typedef {{ engine: 'sqlite', file: string } | { engine: 'postgres', url: string }} DatabaseTarget */

/**
 * `DATABASE_URL` unset: the embedded SQLite file under data/; `postgres://…`: PostgreSQL;
 * `file:path`: SQLite at that path. SQLite is refused on serverless hosts, where it would lose comments.
 * @param {string | undefined} url
 * @returns {DatabaseTarget}
 */
export function resolveDatabaseTarget(url = process.env.DATABASE_URL) {
  if (url && /^postgres(ql)?:\/\//.test(url)) return { engine: 'postgres', url };
  if (url && !url.startsWith('file:')) throw new Error('DATABASE_URL must start with postgres://, postgresql:// or file:');
  const host = detectEphemeralHost();
  if (host) throw new Error(embeddedDatabaseRefusal(host));
  const file = url ? path.resolve(/*turbopackIgnore: true*/ url.slice('file:'.length)) : path.join(/*turbopackIgnore: true*/ dataDirectory(), 'folio.sqlite');
  return { engine: 'sqlite', file };
}

/**
 * An acknowledged comment must survive a crash (synchronous=FULL); WAL lets pages regenerate
 * while a comment is written, and the busy timeout covers two writers at once.
 * @param {string} file
 * @param {{ create: boolean }} options
 */
export function openSqlite(file, { create }) {
  try {
    if (create) mkdirSync(path.dirname(/*turbopackIgnore: true*/ file), { recursive: true });
    const sqlite = new Database(file, { fileMustExist: !create, timeout: 5_000 });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    return sqlite;
  } catch (error) {
    const code = errorCode(error);
    if (!['EROFS', 'EPERM', 'EACCES', 'SQLITE_READONLY'].includes(code)) throw error;
    throw new Error(sqliteNotWritable(file, code), { cause: error });
  }
}

/**
 * @param {string} file
 * @param {string} code
 */
export function sqliteNotWritable(file, code) {
  return (
    `The embedded SQLite database cannot be written at ${file} (${code}). On a read-only or ephemeral ` +
    'filesystem, set DATABASE_URL to a PostgreSQL database (see docs/deploy.md).'
  );
}

/**
 * Whether a connection string goes through a transaction pooler (PgBouncer, Supabase's or Neon's
 * pooler), which cannot keep the prepared statements of one client between transactions.
 * @param {URL} url
 */
export function isPooledConnection(url) {
  return url.searchParams.get('pgbouncer') === 'true' || url.port === '6543' || /(^|[.-])pooler[.-]/.test(url.hostname);
}

/**
 * One small pool per process (or serverless function instance); idle connections close by
 * themselves, so a frozen function holds none for long.
 * @param {string} connectionString
 */
export function openPostgres(connectionString) {
  const url = new URL(connectionString);
  const pooled = isPooledConnection(url);
  // `pgbouncer=true` is a hint for clients, not a server setting: PostgreSQL would reject it.
  url.searchParams.delete('pgbouncer');
  return postgres(url.toString(), {
    max: detectEphemeralHost() ? 1 : 5,
    prepare: !pooled,
    connect_timeout: 5,
    idle_timeout: 20,
    onnotice: () => {},
  });
}

/** @param {DatabaseTarget['engine']} engine */
export function migrationsFolder(engine) {
  return path.resolve(/*turbopackIgnore: true*/ 'db/migrations', engine === 'sqlite' ? 'sqlite' : 'pg');
}

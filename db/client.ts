import 'server-only';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { type DatabaseTarget, openPostgres, openSqlite } from './connection.mjs';
import * as pgSchema from './schema.pg';
import * as sqliteSchema from './schema.sqlite';

export type SqliteDatabase = ReturnType<typeof connectSqlite>;
export type PostgresDatabase = ReturnType<typeof connectPostgres>;

/** The app never creates the SQLite file: migrations do (`npm start`, `npm run db:migrate`). */
function connectSqlite(file: string) {
  const sqlite = openSqlite(file, { create: false });
  return Object.assign(drizzleSqlite(sqlite, { schema: sqliteSchema }), { close: async () => void sqlite.close() });
}

function connectPostgres(url: string) {
  const sql = openPostgres(url);
  return Object.assign(drizzlePostgres(sql, { schema: pgSchema }), { close: () => sql.end({ timeout: 5 }) });
}

export type DatabaseConnection =
  | { engine: 'sqlite'; db: SqliteDatabase }
  | { engine: 'postgres'; db: PostgresDatabase };

export function connectDatabase(target: DatabaseTarget): DatabaseConnection {
  return target.engine === 'sqlite'
    ? { engine: 'sqlite', db: connectSqlite(target.file) }
    : { engine: 'postgres', db: connectPostgres(target.url) };
}

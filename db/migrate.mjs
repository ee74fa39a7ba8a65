import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { migrationsFolder, openPostgres, openSqlite, resolveDatabaseTarget } from './connection.mjs';

/**
 * Applies the committed migrations that the database has not seen yet; a second run does nothing.
 * @param {import('./connection.mjs').DatabaseTarget} target
 * @param {string} [folder] tests pass an earlier set, to make a database as an older Folio left it
 */
export async function migrateDatabase(target = resolveDatabaseTarget(), folder = migrationsFolder(target.engine)) {
  if (target.engine === 'sqlite') {
    const sqlite = openSqlite(target.file, { create: true });
    try {
      migrateSqlite(drizzleSqlite(sqlite), { migrationsFolder: folder });
    } finally {
      sqlite.close();
    }
    return;
  }
  const sql = openPostgres(target.url);
  try {
    await migratePostgres(drizzlePostgres(sql), { migrationsFolder: folder });
  } finally {
    await sql.end();
  }
}

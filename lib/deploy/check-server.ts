import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { resolveDatabaseTarget, sqliteNotWritable } from '@/db/connection.mjs';
import { errorCode } from '@/lib/deploy/error-code.mjs';
import { readOrCreateLocalSecret } from '@/lib/security/local-secret.mjs';

/**
 * Refuses to start, with one sentence naming the setting to use, where Folio would have to write
 * at run time and cannot (a serverless host, a read-only app folder), rather than failing requests.
 */
function checkServerEnvironment(): void {
  if (!process.env.FOLIO_SECRET) readOrCreateLocalSecret();
  const target = resolveDatabaseTarget();
  // A missing folder is one `npm run db:migrate` has yet to create: the blog serves without comments until then.
  if (target.engine !== 'sqlite' || !existsSync(path.dirname(target.file))) return;
  try {
    // SQLite writes its journal beside the database, so the folder must be writable, not only the file.
    accessSync(path.dirname(target.file), constants.W_OK);
  } catch (error) {
    throw new Error(sqliteNotWritable(target.file, errorCode(error)));
  }
}

/** Next would keep serving and answer every request with the error: stop with the one sentence instead. */
export function stopUnlessServerCanRun(): void {
  try {
    checkServerEnvironment();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

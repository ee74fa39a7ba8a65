// Plain JavaScript so that `npm start` can create the secret before the server starts.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDirectory } from '../../db/connection.mjs';

/**
 * The secret kept in data/folio-secret, created on first use, so that the embedded setup
 * needs no configuration and sessions and IP hashes survive restarts.
 * @returns {string}
 */
export function readOrCreateLocalSecret() {
  const file = path.join(/*turbopackIgnore: true*/ dataDirectory(), 'folio-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(/*turbopackIgnore: true*/ file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    // `wx` fails if another process created it first; then theirs is the one to use.
    try {
      writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      return readFileSync(file, 'utf8').trim();
    }
  }
}

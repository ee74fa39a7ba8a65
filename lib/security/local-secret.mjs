// Plain JavaScript so that `npm start` can create the secret before the server starts.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detectEphemeralHost, generatedSecretRefusal } from '../deploy/environment.mjs';
import { errorCode } from '../deploy/error-code.mjs';
import { dataDirectory } from '../deploy/paths.mjs';

/** @param {string} file */
function readSecret(file) {
  return readFileSync(file, 'utf8').trim();
}

/**
 * The secret kept in data/folio-secret, created on first use, so that the embedded setup
 * needs no configuration and sessions and IP hashes survive restarts. Where it cannot be kept
 * (a serverless host, a read-only folder) this throws one sentence naming FOLIO_SECRET.
 * @returns {string}
 */
export function readOrCreateLocalSecret() {
  const file = path.join(/*turbopackIgnore: true*/ dataDirectory(), 'folio-secret');
  try {
    return readSecret(file);
  } catch {
    // Not created yet.
  }
  const host = detectEphemeralHost();
  if (host) throw new Error(generatedSecretRefusal(host));
  const secret = randomBytes(32).toString('base64url');
  try {
    mkdirSync(path.dirname(/*turbopackIgnore: true*/ file), { recursive: true });
    // `wx` fails if another process created it first; then theirs is the one to use.
    writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return readSecret(file);
    throw new Error(`FOLIO_SECRET is not set and Folio cannot keep a generated secret in ${path.dirname(file)} (${code}): set FOLIO_SECRET (see docs/deploy.md).`, {
      cause: error,
    });
  }
}

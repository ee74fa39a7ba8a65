#!/usr/bin/env node
// `npm start`: serve the blog, building it first when there is no build or the
// build is older than any source, so a fresh clone needs nothing but `npm install && npm start`.
// It also brings the comments database up to date and, when FOLIO_SECRET is not set, keeps one in data/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { migrateDatabase } from '../db/migrate.mjs';
import { distDirectory } from '../lib/deploy/paths.mjs';
import { readOrCreateLocalSecret } from '../lib/security/local-secret.mjs';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
process.env.FOLIO_SECRET ||= readOrCreateLocalSecret();
try {
  await migrateDatabase();
} catch (error) {
  // The blog itself does not need the database: serve it, and comments work once the database is back.
  console.error(`Could not bring the comments database up to date: ${error instanceof Error ? error.message : error}`);
}
const buildId = path.join(root, distDirectory(), 'BUILD_ID');
const sources = ['app', 'components', 'lib', 'content', 'public', 'db', 'site.config.ts', 'next.config.mjs', 'package-lock.json'];

/**
 * @param {string} entry
 * @returns {number}
 */
function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stats.mtimeMs);
}

const nextBin = path.join(root, 'node_modules/.bin/next');
const options = /** @type {const} */ ({ cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });

/** The whole of `npm run build`, so that the server has the compiled posts it ships with (scripts/prepare-build.ts). */
function build() {
  const result = spawnSync('npm', ['run', 'build'], options);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs the server as a child that stops when we are told to stop, so no orphan keeps the port. */
function serve() {
  const server = spawn(process.execPath, [nextBin, 'start', '--port', process.env.PORT || '3000'], options);
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...sources.map((source) => newestChange(path.join(root, source))));
if (changedAt > builtAt) {
  console.log(builtAt ? 'Sources changed since the last build: rebuilding…' : 'No build yet: building…');
  build();
}
serve();

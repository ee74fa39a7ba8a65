import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { distDirectory } from '@/lib/deploy/paths.mjs';
import { type RunningServer, startServer } from '@/tests/support/server-process';

const execFileAsync = promisify(execFile);

/** A copy of the production build, so that pages these servers regenerate reach neither it nor any other copy. */
export async function copyBuild(name: string): Promise<string> {
  const distDir = `.next-copy-${name}`;
  await execFileAsync(process.execPath, ['tests/support/copy-build.mjs', distDirectory(), distDir]);
  return distDir;
}

export const removeBuild = (distDir: string) => Promise.all([distDir, `${distDir}-folio`].map((folder) => rm(folder, { recursive: true, force: true })));

function startNext(command: 'start' | 'dev', env: Record<string, string>): Promise<RunningServer> {
  // `next dev` compiles a page on its first request, which takes a while on a busy machine.
  return startServer((port) => [process.execPath, 'node_modules/.bin/next', command, '--port', String(port), '--hostname', '127.0.0.1'], env, {
    timeoutMs: 240_000,
  });
}

/**
 * `next start` of the production build on a random port, writing comments to `databaseUrl`.
 * The form signatures in the prerendered pages come from data/folio-secret, which it shares.
 */
export function startFolio(distDir: string, databaseUrl: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startNext('start', { NODE_ENV: 'production', FOLIO_DIST_DIR: distDir, DATABASE_URL: databaseUrl, ...env });
}

/** `next dev` on a random port, with a build folder of its own, reading posts from `contentDirectory`. */
export function startDevServer(distDir: string, contentDirectory: string): Promise<RunningServer> {
  return startNext('dev', { NODE_ENV: 'development', FOLIO_DIST_DIR: distDir, FOLIO_CONTENT_DIR: contentDirectory });
}

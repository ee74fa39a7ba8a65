import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { freePort } from '@/tests/support/free-port';

const execFileAsync = promisify(execFile);

/** A copy of the production build, so that pages these servers regenerate reach neither it nor the e2e server's copy. */
export async function copyBuild(): Promise<string> {
  const distDir = `.next-hostile-${process.pid}`;
  await execFileAsync(process.execPath, ['tests/support/copy-build.mjs', '.next', distDir]);
  return distDir;
}

export const removeBuild = (distDir: string) => Promise.all([distDir, `${distDir}-folio`].map((folder) => rm(folder, { recursive: true, force: true })));

export interface FolioServer {
  url: string;
  output(): string;
  /** SIGKILL: no shutdown, no flushing. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startNext(command: 'start' | 'dev', env: Record<string, string>): Promise<FolioServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', command, '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const server: FolioServer = {
    url,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
  // `next dev` compiles a page on its first request, which takes a while on a busy machine.
  for (let attempt = 0; attempt < 480; attempt++) {
    if (child.exitCode !== null) throw new Error(`next ${command} exited:\n${output}`);
    if (await fetch(url).then((response) => response.ok, () => false)) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.kill();
  throw new Error(`next ${command} did not answer:\n${output}`);
}

/**
 * `next start` of the production build on a random port, writing comments to `databaseUrl`.
 * The form signatures in the prerendered pages come from data/folio-secret, which it shares.
 */
export function startFolio(distDir: string, databaseUrl: string, env: Record<string, string> = {}): Promise<FolioServer> {
  return startNext('start', { NODE_ENV: 'production', FOLIO_DIST_DIR: distDir, DATABASE_URL: databaseUrl, ...env });
}

/** `next dev` on a random port, with a build folder of its own, reading posts from `contentDirectory`. */
export function startDevServer(distDir: string, contentDirectory: string): Promise<FolioServer> {
  return startNext('dev', { NODE_ENV: 'development', FOLIO_DIST_DIR: distDir, FOLIO_CONTENT_DIR: contentDirectory });
}

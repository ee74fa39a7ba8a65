import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../tests/support/free-port';
import { type RunningServer, startServer } from '../tests/support/server-process';

/** The project's own Next.js, also used for the bare baseline app. */
const nextBin = path.resolve(import.meta.dirname, '../node_modules/.bin/next');

async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/** `next start` for an already built dist folder. */
export function startNext(root: string, distDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer((port) => [process.execPath, nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], { FOLIO_DIST_DIR: distDir, ...env }, { cwd: root });
}

/** Installs Debian's nginx when it is missing (the benchmark's reference static server). */
export function ensureNginx(): void {
  if (spawnSync('sh', ['-c', 'command -v nginx'], { stdio: 'ignore' }).status === 0) return;
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const installed = spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (installed.status !== 0) throw new Error('could not install nginx');
}

/** nginx serving one HTML file from disk, configured like a production static host (gzip on). */
export async function startNginx(workDirectory: string, htmlFile: string): Promise<Pick<RunningServer, 'url' | 'stop'>> {
  ensureNginx();
  const port = await freePort();
  await mkdir(path.join(workDirectory, 'logs'), { recursive: true });
  const config = `
worker_processes 1;
pid ${workDirectory}/nginx.pid;
error_log ${workDirectory}/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  gzip on;
  gzip_types text/html;
  client_body_temp_path ${workDirectory}/tmp-body;
  proxy_temp_path ${workDirectory}/tmp-proxy;
  fastcgi_temp_path ${workDirectory}/tmp-fastcgi;
  uwsgi_temp_path ${workDirectory}/tmp-uwsgi;
  scgi_temp_path ${workDirectory}/tmp-scgi;
  server {
    listen 127.0.0.1:${port};
    location = /post { default_type text/html; alias ${htmlFile}; }
  }
}`;
  const configFile = path.join(workDirectory, 'nginx.conf');
  await writeFile(configFile, config);
  const child = spawn('nginx', ['-c', configFile, '-g', 'daemon off;'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/post`);
  return { url, stop: stopper(child) };
}

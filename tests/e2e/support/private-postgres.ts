import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL server of the test's own, which it may stop and start: the machine's shared
 * server must never be stopped. PostgreSQL refuses to run as root, hence the postgres user.
 */
export interface PrivatePostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

function binary(name: string): string {
  const versions = readdirSync('/usr/lib/postgresql').toSorted((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('PostgreSQL binaries not found in /usr/lib/postgresql');
  return path.join('/usr/lib/postgresql', versions[0], 'bin', name);
}

export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const root = await mkdtemp(path.join(tmpdir(), 'folio-private-pg-'));
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  await chown(root, Number(stdout), Number(gid));
  const data = path.join(root, 'data');
  const asPostgres = (command: string, args: string[]) => run('runuser', ['-u', 'postgres', '--', binary(command), ...args]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=on`;
  const pgCtl = (action: 'start' | 'stop') =>
    asPostgres('pg_ctl', action === 'start' ? ['-D', data, '-o', options, '-l', path.join(root, 'log'), '-w', 'start'] : ['-D', data, '-m', 'fast', '-w', 'stop']);
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  await pgCtl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => void (await pgCtl('stop')),
    start: async () => void (await pgCtl('start')),
    async destroy() {
      await pgCtl('stop').catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}

import { spawn } from 'node:child_process';
import { freePort } from './free-port';

export interface RunningServer {
  url: string;
  /** What the server printed, for failure messages. */
  output(): string;
  /** SIGTERM, then waits until it has exited. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown, no flushing. */
  kill(): Promise<void>;
}

export interface ServerOptions {
  cwd?: string;
  /** Until the home page has answered: `next dev` compiles it on that first request. */
  timeoutMs?: number;
}

/**
 * Starts a Next.js server (`next start`, `next dev` or a standalone `server.js`) on a free port of
 * 127.0.0.1 and resolves once it has said it is ready and its home page answers. `command` gets the
 * port; the server also finds it in PORT, as the standalone server expects.
 */
export async function startServer(
  command: (port: number) => string[],
  env: Record<string, string | undefined>,
  { cwd, timeoutMs = 120_000 }: ServerOptions = {},
): Promise<RunningServer> {
  const port = await freePort();
  const [program, ...args] = command(port);
  const child = spawn(program!, args, {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HOSTNAME: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      if (/\bReady\b/.test(output)) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => reject(new Error(`The server exited before it was ready:\n${output}`)));
  });
  const signal = (action: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(action);
    await exited;
  };
  const server: RunningServer = { url: `http://127.0.0.1:${port}`, output: () => output, stop: signal('SIGTERM'), kill: signal('SIGKILL') };
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    await Promise.race([ready, new Promise((_, reject) => deadline.addEventListener('abort', () => reject(deadline.reason)))]);
    const home = await fetch(server.url, { signal: deadline });
    if (!home.ok) throw new Error(`The home page answered ${home.status}`);
    return server;
  } catch (error) {
    await server.kill();
    throw new Error(`The server did not answer: ${String(error)}\n${output}`);
  }
}

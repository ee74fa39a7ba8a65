import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '@/tests/support/free-port';

export interface RunningServer {
  url: string;
  /** What the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a production server on a free port of 127.0.0.1 and waits until its home page answers.
 * `command` gets the port; the server also finds it in PORT, as the standalone server expects.
 */
export async function startServer(command: (port: number) => string[], env: Record<string, string | undefined>): Promise<RunningServer> {
  const port = await freePort();
  const [program, ...args] = command(port);
  const child: ChildProcess = spawn(program!, args, {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HOSTNAME: '127.0.0.1', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: RunningServer = {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) break;
    if (await fetch(server.url).then((response) => response.ok, () => false)) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(`The server did not answer:\n${output}`);
}

import { spawn } from 'node:child_process';
import path from 'node:path';
import { preservingNextTypeFiles } from '@/scripts/lib/side-build';

/** Runs `next build` into its own dist folder, leaving the project's build and type files alone. */
export function buildIntoDistDir(distDir: string, env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return preservingNextTypeFiles(process.cwd(), async () => {
    const child = spawn(path.resolve('node_modules/.bin/next'), ['build'], {
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', FOLIO_DIST_DIR: distDir, ...env },
      timeout: 540_000,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { status, output };
  });
}

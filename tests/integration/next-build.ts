import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lock } from 'proper-lockfile';

// `next build` registers its dist folder in these two files; the real build must not see a test's one.
const filesNextRewrites = ['tsconfig.json', 'next-env.d.ts'];

/**
 * Runs `next build` into its own dist folder and puts back the files it rewrites.
 * Test files run in parallel, so builds take turns: two at once would restore each other's rewrites.
 */
export async function buildIntoDistDir(distDir: string, env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  const release = await lock('tsconfig.json', {
    lockfilePath: '.next-build.lock',
    retries: { retries: 600, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
    stale: 10 * 60_000,
    onCompromised: () => {},
  });
  const originals = new Map<string, string | undefined>();
  for (const file of filesNextRewrites) originals.set(file, await readFile(file, 'utf8').catch(() => undefined));
  try {
    const child = spawn(path.resolve('node_modules/.bin/next'), ['build'], {
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', FOLIO_DIST_DIR: distDir, ...env },
      timeout: 240_000,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { status, output };
  } finally {
    for (const [file, content] of originals) {
      if (content === undefined) await rm(file, { force: true });
      else await writeFile(file, content);
    }
    await release();
  }
}

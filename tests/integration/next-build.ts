import { spawn } from 'node:child_process';
import path from 'node:path';
import { preservingNextTypeFiles } from '@/scripts/lib/side-build';

type BuildResult = { status: number | null; output: string };

/** Runs a command of the build with its output kept, in the environment of a build into `distDir`. */
async function runStep(command: string, args: string[], env: Record<string, string>): Promise<BuildResult> {
  const child = spawn(command, args, {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    // A loaded machine runs several builds at once during `npm test`: each step gets this long.
    timeout: 540_000,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, output };
}

/** Runs `next build`, as `npm run build` does (scripts/next-build.mjs), into its own dist folder, leaving the project's build and type files alone. */
function buildIntoDistDir(distDir: string, env: Record<string, string>): Promise<BuildResult> {
  return preservingNextTypeFiles(process.cwd(), () => runStep(process.execPath, ['scripts/next-build.mjs'], { FOLIO_DIST_DIR: distDir, ...env }));
}

/**
 * What `npm run build` does, into its own dist folder: the files shipped with the server
 * (scripts/prepare-build.ts), `next build`, then the standalone folder completed.
 */
export async function buildStandaloneIntoDistDir(distDir: string, env: Record<string, string>): Promise<BuildResult> {
  const steps: (() => Promise<BuildResult>)[] = [
    () => runStep(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/prepare-build.ts'], { FOLIO_DIST_DIR: distDir, ...env }),
    () => buildIntoDistDir(distDir, env),
    () => runStep(process.execPath, ['scripts/complete-standalone.mjs'], { FOLIO_DIST_DIR: distDir, ...env }),
  ];
  let output = '';
  for (const step of steps) {
    const result = await step();
    output += result.output;
    if (result.status !== 0) return { status: result.status, output };
  }
  return { status: 0, output };
}

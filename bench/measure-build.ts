import { spawn } from 'node:child_process';
import { appendFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** The project's own Next.js, also used for the bare baseline app. */
const nextBin = path.resolve(import.meta.dirname, '../node_modules/.bin/next');
import { preservingNextTypeFiles } from '../scripts/lib/side-build';
import { treeMemory, type TreeMemory } from './process-tree';

export interface BuildRun {
  seconds: number;
  /** The highest each measure of the process tree's memory reached, sampled every 100 ms. */
  peak: TreeMemory;
}

export interface BuildTarget {
  root: string;
  contentDirectory: string;
  distDir: string;
  cacheDirectory: string;
  /** `npm run build` (posts checked and compiled across all cores, then `next build`), as a blogger builds; else `next build` alone. */
  folio?: boolean;
}

function buildEnv(target: BuildTarget, extraEnv: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    FOLIO_CONTENT_DIR: target.contentDirectory,
    FOLIO_DIST_DIR: target.distDir,
    FOLIO_CACHE_DIR: target.cacheDirectory,
    ...extraEnv,
  };
}

/** `npm run check` on the target's posts: the seconds it took, failing on any broken post. */
export async function runCheck(target: BuildTarget): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['run', '--silent', 'check'], { cwd: target.root, env: buildEnv(target, {}), stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`npm run check failed (exit ${code}):\n${errors.slice(-4000)}`);
  return (performance.now() - started) / 1000;
}

/** Runs `next build` for the given content, sampling the memory of the whole process tree. */
export function runBuild(target: BuildTarget, extraEnv: Record<string, string> = {}): Promise<BuildRun> {
  return preservingNextTypeFiles(target.root, () => {
    const started = performance.now();
    const [command, args] = target.folio ? ['npm', ['run', 'build']] : [process.execPath, [nextBin, 'build']];
    const child = spawn(command, args, { cwd: target.root, env: buildEnv(target, extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const peak = { rssBytes: 0, pssBytes: 0 };
    const sampler = setInterval(() => {
      if (!child.pid) return;
      const now = treeMemory(child.pid);
      peak.rssBytes = Math.max(peak.rssBytes, now.rssBytes);
      peak.pssBytes = Math.max(peak.pssBytes, now.pssBytes);
    }, 100);
    return new Promise<BuildRun>((resolve, reject) => {
      child.on('exit', (code) => {
        clearInterval(sampler);
        if (code === 0) resolve({ seconds: (performance.now() - started) / 1000, peak });
        else reject(new Error(`${[command, ...args].join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`));
      });
    });
  });
}

/**
 * Empties, as on a fresh clone, everything a build could reuse: Next's folder, the compile cache,
 * and the compiled posts the last build shipped, which Folio reads before its cache.
 */
export async function clearBuildCaches(target: BuildTarget): Promise<void> {
  for (const folder of [target.distDir, `${target.distDir}-folio`, target.cacheDirectory]) {
    await rm(path.resolve(target.root, folder), { recursive: true, force: true });
  }
}

/** Edits one post the way a writer would: appends a paragraph. */
export async function editOnePost(target: BuildTarget, round: number): Promise<void> {
  const [first] = (await readdir(target.contentDirectory)).filter((name) => name.endsWith('.mdx')).sort();
  if (!first) throw new Error('no posts to edit');
  await appendFile(path.join(target.contentDirectory, first), `\nAn added paragraph, edit number ${round}.\n`);
}

import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lock } from 'proper-lockfile';

// `next build` registers its dist folder in these two files; the project's own build must not see a side one.
const filesNextRewrites = ['tsconfig.json', 'next-env.d.ts'];

/**
 * Remembers the files Next rewrites and returns what puts them back: for a side `next build` or a
 * `next dev` with a side dist folder (tests, benchmarks). Side builds take turns: two at once
 * would restore each other's rewrites.
 */
export async function holdNextTypeFiles(root: string): Promise<() => Promise<void>> {
  const release = await lock(path.join(root, 'tsconfig.json'), {
    lockfilePath: path.join(root, '.next-build.lock'),
    realpath: false,
    retries: { retries: 600, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
    stale: 10 * 60_000,
    onCompromised: () => {},
  });
  const originals = await Promise.all(filesNextRewrites.map((file) => readFile(path.join(root, file), 'utf8').catch(() => undefined)));
  return async () => {
    await Promise.all(
      filesNextRewrites.map((file, index) => {
        const original = originals[index];
        const target = path.join(root, file);
        return original === undefined ? rm(target, { force: true }) : writeFile(target, original);
      }),
    );
    await release();
  };
}

/** Runs `work` (a `next build` into a side dist folder) and puts back the files it rewrites. */
export async function preservingNextTypeFiles<T>(root: string, work: () => Promise<T>): Promise<T> {
  const restore = await holdNextTypeFiles(root);
  try {
    return await work();
  } finally {
    await restore();
  }
}

import { availableParallelism } from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkSeriesOrder, type CheckedPost, type CheckRequest } from './checked-post';

/**
 * Validates and compiles every post across `processes` child processes (each with Node's flags, so a
 * TypeScript loader comes along), filling the compile cache
 * that the build then reads. Returns a result per post, in the order given, problems included
 * (two posts claiming one place in a series among them): one broken post never hides another.
 */
export async function checkPosts(files: string[], processes = availableParallelism()): Promise<CheckedPost[]> {
  const shares = Array.from({ length: Math.max(1, Math.min(processes, files.length)) }, () => [] as string[]);
  // Dealt like cards, so each process gets long and short posts alike.
  files.forEach((file, index) => shares[index % shares.length]?.push(file));
  const results = new Map<string, CheckedPost>();
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const request: CheckRequest = { files: share };
          const child = fork(fileURLToPath(new URL('./check-worker.ts', import.meta.url)), { execArgv: [...process.execArgv, '--max-semi-space-size=32'] });
          child.send(request);
          child.on('message', (result: CheckedPost) => results.set(result.file, result));
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`A post-checking process stopped with code ${code}`))));
        }),
    ),
  );
  return checkSeriesOrder(files.map((file) => results.get(file) ?? { file, problem: `${file}: was not checked` }));
}

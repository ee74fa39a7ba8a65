import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { compilePost } from '../lib/content/compile';

/**
 * Milliseconds to compile each post in `directory`, in one process as the build does,
 * after one warm-up compile (loading grammars and esbuild is paid once per build, not per post).
 */
export async function timeCompiles(directory: string, limit: number): Promise<number[]> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.mdx')).sort().slice(0, limit);
  const sources = await Promise.all(files.map(async (name) => [path.join(directory, name), await readFile(path.join(directory, name), 'utf8')] as const));
  const [warmUp] = sources;
  if (warmUp) await compilePost(...warmUp);
  const timings: number[] = [];
  for (const [file, source] of sources) {
    const started = performance.now();
    await compilePost(file, source);
    timings.push(performance.now() - started);
  }
  return timings;
}

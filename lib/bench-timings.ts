import { appendFileSync } from 'node:fs';

/**
 * Runs `work`; when FOLIO_BENCH_TIMINGS names a file, also appends how long it took, so that
 * `npm run bench` reads per-post compile and per-card render times from inside a real build.
 */
export async function timed<T>(kind: 'mdx' | 'og', work: () => Promise<T>): Promise<T> {
  const file = process.env.FOLIO_BENCH_TIMINGS;
  if (!file) return work();
  const started = performance.now();
  const result = await work();
  appendFileSync(/*turbopackIgnore: true*/ file, `${kind} ${(performance.now() - started).toFixed(2)}\n`);
  return result;
}

// `next build` registers its dist folder in tsconfig.json and next-env.d.ts. Builds into a side
// folder (tests, benchmarks) restore both files so the project's own build never sees that folder.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const filesNextRewrites = ['tsconfig.json', 'next-env.d.ts'];

/** Runs `work` and puts tsconfig.json and next-env.d.ts back as they were, whatever happens. */
export async function preservingNextTypeFiles(root, work) {
  const originals = await Promise.all(
    filesNextRewrites.map((file) => readFile(path.join(root, file), 'utf8').catch(() => undefined)),
  );
  try {
    return await work();
  } finally {
    await Promise.all(
      filesNextRewrites.map((file, index) => {
        const original = originals[index];
        const target = path.join(root, file);
        return original === undefined ? rm(target, { force: true }) : writeFile(target, original);
      }),
    );
  }
}

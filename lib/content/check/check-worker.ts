// One of the processes of `checkPosts`: checks and compiles its share of the posts.
import { readFile } from 'node:fs/promises';
import { getCompiledPost, readPostSummary } from '../posts';
import { describeProblem, type CheckedPost, type CheckRequest } from './checked-post';

async function check(file: string): Promise<CheckedPost> {
  let draft: boolean | undefined;
  try {
    const { title, date, series, seriesOrder, ...summary } = await readPostSummary(file);
    draft = summary.draft;
    await getCompiledPost(file, await readFile(file, 'utf8'));
    return { file, draft, series: series === undefined ? undefined : { title, date, series, seriesOrder } };
  } catch (error) {
    return { file, draft, problem: describeProblem(file, error) };
  }
}

// Two posts at a time: while esbuild, a process of its own, bundles one, this thread parses the other.
const postsInFlight = 2;

process.once('message', async ({ files }: CheckRequest) => {
  const waiting = [...files];
  await Promise.all(
    Array.from({ length: postsInFlight }, async () => {
      for (let file = waiting.shift(); file !== undefined; file = waiting.shift()) {
        const result = await check(file);
        // Each result is handed over before the next compile, so none is lost when the channel closes.
        await new Promise((resolve) => process.send?.(result, resolve));
      }
    }),
  );
  process.disconnect?.();
});

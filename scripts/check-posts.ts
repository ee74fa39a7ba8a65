// `npm run check`: every post (drafts too) validated and compiled across all cores, and every
// broken one listed as `file:line:col: reason`. Exit status 1 when any post is broken.
import { checkPosts } from '@/lib/content/check/check-posts';
import { splitProblems } from '@/lib/content/check/checked-post';
import { listPostFiles } from '@/lib/content/post-files';

Object.assign(process.env, { NEXT_PHASE: 'phase-production-build' });

const started = performance.now();
const results = await checkPosts(await listPostFiles());
const { blocking, inDrafts } = splitProblems(results);
const problems = [...blocking, ...inDrafts];
for (const problem of problems) console.error(problem);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${results.length} posts checked in ${seconds} s: ${problems.length ? `${problems.length} broken` : 'all compile'}.`);
process.exitCode = problems.length ? 1 : 0;

// First step of `npm run build`: checks and compiles every post across all cores (as `npm run
// check` does: every broken post is listed, and the build stops before Next starts), then puts the
// compiled posts, the search index built from them and the blogroll into the folder that
// next.config.mjs traces into the server's output. A page regenerated at run time (a comment changed it) then renders from these on a fresh serverless instance: no compile, no feed fetch.
// It runs before `next build` because file tracing lists the files while the build compiles.
import { readFile, rm } from 'node:fs/promises';
import { shipBlogroll } from '@/lib/blogroll/blogroll';
import { jsonCodec, writeFileAtomically } from '@/lib/content/disk-cache';
import { checkPosts } from '@/lib/content/check/check-posts';
import { splitProblems } from '@/lib/content/check/checked-post';
import { compiledPostKey, getCompiledPost } from '@/lib/content/posts';
import { listPostFiles } from '@/lib/content/post-files';
import { shippedDirectory } from '@/lib/deploy/paths.mjs';
import { toIndexedPost } from '@/lib/search/indexed-post';
import { buildSearchIndex, writeSearchIndex, type IndexedPost } from '@/lib/search/search-index';

// Part of the production build: drafts stay out, and the blogroll may fetch its feeds.
Object.assign(process.env, { NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' });

const results = await checkPosts(await listPostFiles());
const { blocking, inDrafts } = splitProblems(results);
// Each problem names its file, line and column; a stack trace would only hide them.
for (const problem of inDrafts) console.warn(`⚠ ${problem}`);
if (blocking.length > 0) {
  for (const problem of blocking) console.error(problem);
  console.error(`${blocking.length} of ${results.length} posts do not compile: fix them and build again (npm run check lists them).`);
  process.exit(1);
}

await rm(shippedDirectory(), { recursive: true, force: true });
const published = results.filter((result) => result.problem === undefined && !result.draft);
const indexed: IndexedPost[] = [];
for (const { file } of published) {
  const source = await readFile(file, 'utf8');
  // From the compile cache the check just filled.
  const compiled = await getCompiledPost(file, source);
  await writeFileAtomically(shippedDirectory('mdx', `${compiledPostKey(file, source)}.json`), jsonCodec.encode(compiled));
  indexed.push(toIndexedPost(file, compiled));
}
await writeSearchIndex(shippedDirectory('search'), buildSearchIndex(indexed));
await shipBlogroll();
console.log(`Checked ${results.length} posts; shipped ${published.length} compiled posts, their search index and the blogroll with the server output.`);

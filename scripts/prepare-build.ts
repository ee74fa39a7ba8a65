// First step of `npm run build`: compiles every post and loads the blogroll into the folder that
// next.config.mjs traces into the server's output. A page regenerated at run time (a comment
// changed it) then renders from these on a fresh serverless instance: no compile, no feed fetch.
// It runs before `next build` because file tracing lists the files while the build compiles.
import { readFile, rm } from 'node:fs/promises';
import { shipBlogroll } from '@/lib/blogroll/blogroll';
import { jsonCodec, writeFileAtomically } from '@/lib/content/disk-cache';
import { compiledPostKey, getAllPosts, getCompiledPost } from '@/lib/content/posts';
import { shippedDirectory } from '@/lib/deploy/paths.mjs';

// Part of the production build: drafts stay out, and the blogroll may fetch its feeds.
Object.assign(process.env, { NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' });

try {
  await rm(shippedDirectory(), { recursive: true, force: true });
  const posts = await getAllPosts();
  for (const post of posts) {
    const source = await readFile(post.file, 'utf8');
    const compiled = await getCompiledPost(post.file, source);
    await writeFileAtomically(shippedDirectory('mdx', `${compiledPostKey(source)}.json`), jsonCodec.encode(compiled));
  }
  await shipBlogroll();
  console.log(`Compiled ${posts.length} posts and the blogroll for the server output.`);
} catch (error) {
  // A post's problem is reported with its file, line and column; the stack would only hide it.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

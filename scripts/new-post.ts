// `npm run new -- "Post title" [--slug my-slug]`: starts a draft post in content/posts, dated today.
import { parseArgs } from 'node:util';
import { createPost } from '@/lib/content/new-post';
import { postsDirectory } from '@/lib/deploy/paths.mjs';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { slug: { type: 'string' } } });
const result = await createPost(postsDirectory(), positionals.join(' '), { slug: values.slug });
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
console.log(`Created ${result.file} as a draft: npm run dev shows it; remove "draft: true" to publish it.`);

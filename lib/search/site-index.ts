import 'server-only';
import { readFile } from 'node:fs/promises';
import { hashKey } from '@/lib/content/disk-cache';
import { getAllPosts, getCompiledPost } from '@/lib/content/posts';
import { shippedDirectory } from '@/lib/deploy/paths.mjs';
import { toIndexedPost } from './indexed-post';
import { buildSearchIndex, loadSearchIndex, openBuiltIndex, type SearchIndex } from './search-index';

// Process-wide: every route bundle has its own module state, and the index is loaded once.
const processWide = globalThis as typeof globalThis & {
  folioSearchIndex?: Promise<SearchIndex>;
  folioDevSearchIndex?: { key: string; index: Promise<SearchIndex> };
};

/** `next dev`: the index of the posts as they are now (drafts too), built again when one changes. */
async function indexCurrentPosts(): Promise<SearchIndex> {
  const posts = await getAllPosts();
  const sources = await Promise.all(posts.map((post) => readFile(post.file, 'utf8')));
  const key = hashKey(posts.map((post) => post.file), sources);
  if (processWide.folioDevSearchIndex?.key !== key) {
    const index = Promise.allSettled(posts.map((post, at) => getCompiledPost(post.file, sources[at] ?? ''))).then((compiled) =>
      // A post that does not compile is named by the live preview; search goes on without it.
      openBuiltIndex(buildSearchIndex(compiled.flatMap((result, at) => (result.status === 'fulfilled' ? [toIndexedPost(posts[at]?.file ?? '', result.value)] : [])))),
    );
    processWide.folioDevSearchIndex = { key, index };
  }
  return processWide.folioDevSearchIndex.index;
}

/**
 * The index `npm run build` shipped with the server, loaded on the first search and kept for the
 * life of the process (posts cannot change under a running build). A failed load is not kept.
 */
export function getSearchIndex(): Promise<SearchIndex> {
  if (process.env.NODE_ENV !== 'production') return indexCurrentPosts();
  if (!processWide.folioSearchIndex) {
    const index = loadSearchIndex(shippedDirectory('search'));
    processWide.folioSearchIndex = index;
    index.catch(() => {
      if (processWide.folioSearchIndex === index) processWide.folioSearchIndex = undefined;
    });
  }
  return processWide.folioSearchIndex;
}

import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { cache } from 'react';
import { postsDirectory } from '@/lib/deploy/paths.mjs';
import { installedVersions } from '@/lib/installed-versions';
import { postUrl } from '@/lib/share/urls';
import { compilePost, dependenciesUnchanged, digestOf, type CompiledPost } from './compile';
import { cachedOnDisk, hashKey, jsonCodec } from './disk-cache';
import type { Frontmatter } from './frontmatter';
import { pipelineOptions } from './pipeline-options';
import { listPostFiles } from './post-files';
import { PostError } from './post-error';
import { postSlugPattern } from './post-slug';
import { readFrontmatter } from './read-frontmatter';
import { readingStats, type ReadingStats } from './reading-stats';

export interface PostSummary extends Frontmatter, ReadingStats {
  slug: string;
  file: string;
}

export interface Post extends PostSummary, Omit<CompiledPost, 'frontmatter' | 'dependencies' | 'text'> {}

/** Drafts are for the writer's eyes: shown by `next dev`, never in a production build. */
function showDrafts(): boolean {
  return process.env.NODE_ENV !== 'production';
}

/** A post's frontmatter and length, checked: a bad file name or frontmatter throws a `PostError`. */
export async function readPostSummary(file: string): Promise<PostSummary> {
  const slug = path.basename(file, '.mdx');
  if (!postSlugPattern.test(slug)) {
    throw new PostError(file, `file name "${slug}" is not a URL slug: use lower-case letters, digits and single hyphens`);
  }
  const { frontmatter, content } = readFrontmatter(file, await readFile(file, 'utf8'));
  return { ...frontmatter, ...readingStats(content), slug, file };
}

async function loadAllPosts(): Promise<PostSummary[]> {
  const posts = await Promise.all((await listPostFiles()).map(readPostSummary));
  return posts
    .filter((post) => showDrafts() || !post.draft)
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
}

// Process-wide: every route bundle (page, metadata, card, feeds) has its own module state.
const processWide = globalThis as typeof globalThis & {
  folioPostLists?: Map<string, Promise<PostSummary[]>>;
  folioCompiledPosts?: LRUCache<string, Promise<CompiledPost>>;
};
const postListsInProcess = (processWide.folioPostLists ??= new Map());

/**
 * Posts are part of the build: in production they cannot change while the process lives, and every
 * page of a build asks for the list (neighbours, tags, feeds), so it is read once per process —
 * reading it per page would make a build quadratic in its posts. `next dev` reads it afresh each request.
 */
function loadAllPostsOnce(): Promise<PostSummary[]> {
  if (showDrafts()) return loadAllPosts();
  const directory = postsDirectory();
  let posts = postListsInProcess.get(directory);
  if (!posts) {
    posts = loadAllPosts();
    postListsInProcess.set(directory, posts);
    posts.catch(() => postListsInProcess.delete(directory));
  }
  return posts;
}

/** Every visible post, newest first. */
export const getAllPosts = cache(loadAllPostsOnce);

export const getPostSummary = cache(async (slug: string): Promise<PostSummary | undefined> => {
  return (await getAllPosts()).find((post) => post.slug === slug);
});

/** The components every post can use, as they are now: a compiled post holds the feed HTML they render. */
function postComponentsDigest(): string[] {
  const directory = path.join(/*turbopackIgnore: true*/ process.cwd(), 'components/mdx');
  return readdirSync(directory)
    .sort()
    .map((name) => `${name}:${digestOf(readFileSync(path.join(/*turbopackIgnore: true*/ directory, name)))}`);
}

let pipelineKey: string | undefined;
function getPipelineKey(): string {
  pipelineKey ??= hashKey(
    pipelineOptions,
    installedVersions([
      'mdx-bundler',
      'esbuild',
      'remark-gfm',
      'rehype-slug',
      'rehype-autolink-headings',
      'rehype-pretty-code',
      'shiki',
      'hastscript',
      'hast-util-from-html',
      'hast-util-to-html',
    ]),
    postComponentsDigest(),
  );
  return pipelineKey;
}

// Recent posts only: a page, its metadata and the feeds ask within moments of each other, while
// keeping every post would make a build worker's memory grow with the blog (docs/performance.md).
const compiledInProcess = (processWide.folioCompiledPosts ??= new LRUCache({ max: 64 }));

/**
 * Names a post's compiled form: the same source through the same pipeline compiles the same, for
 * the same address (its feed HTML links absolutely).
 */
export function compiledPostKey(file: string, source: string): string {
  return hashKey(getPipelineKey(), postUrl(path.basename(file, '.mdx')), source);
}

/**
 * Compiles a post once: afterwards, and whenever the build compiled the same source with the same
 * pipeline, it comes from memory while recent, else from what the build shipped or cached on disk —
 * unless a file the post imports has changed since, which compiles it again.
 */
export async function getCompiledPost(file: string, source: string): Promise<CompiledPost> {
  const key = compiledPostKey(file, source);
  const isFresh = (post: CompiledPost) => dependenciesUnchanged(file, post.dependencies);
  const remembered = compiledInProcess.get(key);
  if (remembered) {
    const post = await remembered;
    if (await isFresh(post)) return post;
  }
  const compiled = cachedOnDisk('mdx', key, 'json', () => compilePost(file, source), jsonCodec, isFresh);
  compiledInProcess.set(key, compiled);
  compiled.catch(() => compiledInProcess.delete(key));
  return compiled;
}

/** A visible post with its compiled body, or undefined for an unknown or hidden slug. */
export const getPost = cache(async (slug: string): Promise<Post | undefined> => {
  const summary = await getPostSummary(slug);
  if (!summary) return undefined;
  const { code, toc, firstParagraph, feedHtml } = await getCompiledPost(summary.file, await readFile(summary.file, 'utf8'));
  return { ...summary, code, toc, firstParagraph, feedHtml };
});

/** The neighbours of a post in date order: `newer` is the next one a reader would reach. */
export async function getAdjacentPosts(slug: string): Promise<{ newer?: PostSummary; older?: PostSummary }> {
  const posts = await getAllPosts();
  const index = posts.findIndex((post) => post.slug === slug);
  if (index === -1) return {};
  return { newer: posts[index - 1], older: posts[index + 1] };
}

/** Posts grouped by year, newest year first (Map keeps insertion order). */
export async function getPostsByYear(): Promise<Map<string, PostSummary[]>> {
  const byYear = new Map<string, PostSummary[]>();
  for (const post of await getAllPosts()) {
    const year = post.date.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), post]);
  }
  return byYear;
}

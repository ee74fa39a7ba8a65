import { createRequire } from 'node:module';
import path from 'node:path';
import type { ReactElement } from 'react';
import { PostBody } from '@/components/post-body';
import type { Post } from '@/lib/content/posts';
import { absoluteUrl } from '@/lib/share/urls';
import { toFeedHtml } from './feed-html';

// Route handlers run in Next's Server Components layer, which refuses react-dom/server.
// A feed needs plain HTML, so the renderer is loaded as an ordinary Node module instead.
const nodeRequire = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), 'package.json'));
const { renderToStaticMarkup } = nodeRequire(/*turbopackIgnore: true*/ 'react-dom/server') as {
  renderToStaticMarkup: (element: ReactElement) => string;
};

// Every feed a post is in (RSS, Atom, JSON and one per tag) carries the same HTML, and each feed
// is a separate route bundle: keep the rendering process-wide so a build renders each post once.
const processWide = globalThis as typeof globalThis & { folioFeedHtml?: Map<string, string> };
const renderedHtml = (processWide.folioFeedHtml ??= new Map());

/** A post's full body as a feed carries it: the page's markup, readable away from the page. */
export function renderPostHtml(post: Post): string {
  const key = `${post.slug}\n${post.code}`;
  let html = renderedHtml.get(key);
  if (html === undefined) {
    html = toFeedHtml(renderToStaticMarkup(<PostBody code={post.code} />), absoluteUrl(`/blog/${post.slug}`));
    renderedHtml.set(key, html);
  }
  return html;
}

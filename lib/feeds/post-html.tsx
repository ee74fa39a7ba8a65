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

/** A post's full body as a feed carries it: the page's markup, readable away from the page. */
export function renderPostHtml(post: Post): string {
  return toFeedHtml(renderToStaticMarkup(<PostBody code={post.code} />), absoluteUrl(`/blog/${post.slug}`));
}

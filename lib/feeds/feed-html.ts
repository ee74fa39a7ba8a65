import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';
import { PostBody } from '@/components/post-body';
import { pipelineOptions } from '@/lib/content/pipeline-options';
import { renderStaticHast } from './static-markup';

const urlAttributes = ['href', 'src', 'poster', 'cite', 'action'] as const;

function resolveSrcset(srcset: string, base: URL): string {
  return srcset
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
      return [new URL(url, base).toString(), ...descriptors].join(' ');
    })
    .join(', ');
}

function isHeadingAnchor(node: Element): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(pipelineOptions.headingAnchor.className);
}

/**
 * Turns a post's page markup into feed HTML. Every URL is resolved against `baseUrl`
 * (the post's address), so links, images and in-page anchors such as footnotes keep
 * working in a feed reader, which cannot know where the fragment came from. The "#"
 * links beside headings go: they only make sense on the page, where CSS hides them.
 */
export function toFeedHtml(tree: Root, baseUrl: string): string {
  const base = new URL(baseUrl);
  visit(tree, 'element', (node: Element, index, parent) => {
    if (parent && index !== undefined && isHeadingAnchor(node)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const attribute of urlAttributes) {
      const value = node.properties[attribute];
      if (typeof value === 'string') node.properties[attribute] = new URL(value, base).toString();
    }
    const srcset = node.properties.srcSet;
    if (Array.isArray(srcset)) node.properties.srcSet = resolveSrcset(srcset.join(', '), base);
    else if (typeof srcset === 'string') node.properties.srcSet = resolveSrcset(srcset, base);
  });
  return toHtml(tree);
}

/**
 * A compiled post's full body as a feed carries it: the page's markup, readable away from the page.
 * The rendered tree is rewritten as it is, never written out as HTML and parsed back.
 */
export async function renderFeedHtml(code: string, postUrl: string): Promise<string> {
  return toFeedHtml(await renderStaticHast(PostBody({ code })), postUrl);
}

import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/** GFM's footnote section carries a visually hidden heading that belongs to no outline. */
export function isFootnoteLabel(element: Element): boolean {
  return element.properties.id === 'footnote-label';
}

export interface TocEntry {
  depth: 2 | 3;
  id: string;
  text: string;
}

/**
 * Records every h2/h3 (after rehype-slug gave it an id) into `into`, so the
 * table of contents uses exactly the ids the page renders.
 */
export const rehypeCollectHeadings: Plugin<[{ into: TocEntry[] }], Root> = ({ into }) => {
  return (tree) => {
    visit(tree, 'element', (node) => {
      if ((node.tagName !== 'h2' && node.tagName !== 'h3') || isFootnoteLabel(node)) return;
      const id = node.properties.id;
      if (typeof id !== 'string') return;
      into.push({ depth: node.tagName === 'h2' ? 2 : 3, id, text: toString(node).trim() });
    });
  };
};

import type { Element, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';
import { isFootnoteLabel } from './rehype-collect-headings';

/** Footnote numbers and "back to the text" arrows are navigation, not words of the post. */
function isFootnoteLink(element: Element): boolean {
  return element.properties.dataFootnoteRef !== undefined || element.properties.dataFootnoteBackref !== undefined;
}

function appendText(node: Root | RootContent, into: string[]): void {
  if (node.type === 'text') into.push(node.value);
  else if (node.type === 'element' && (isFootnoteLabel(node) || isFootnoteLink(node))) return;
  // MDX expressions and imports carry code, not prose; components (a callout) keep their text.
  else if ('children' in node) for (const child of node.children) appendText(child as RootContent, into);
}

/**
 * Records the plain text a reader sees in the post (components' own words, code and footnotes
 * included), one line per block: what search indexes and quotes from. It runs before headings get
 * their "#" anchors and before code is split into coloured tokens.
 */
export const rehypeCollectText: Plugin<[{ into: { text: string } }], Root> = ({ into }) => {
  return (tree) => {
    const parts: string[] = [];
    appendText(tree, parts);
    into.text = parts
      .join('')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n[\s]*/g, '\n')
      .trim();
  };
};

import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';

/**
 * Records the plain text of the post's first top-level paragraph with words in it,
 * the fallback description for a post whose frontmatter has none.
 */
export const remarkFirstParagraph: Plugin<[{ into: { text: string } }], Root> = ({ into }) => {
  return (tree) => {
    for (const node of tree.children) {
      if (node.type !== 'paragraph') continue;
      const text = toString(node, { includeImageAlt: false }).replace(/\s+/g, ' ').trim();
      if (text) {
        into.text = text;
        return;
      }
    }
  };
};

import 'server-only';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** Raw HTML in a comment is shown as the text the reader typed, never interpreted. */
function remarkHtmlAsText() {
  return (tree: MdastRoot) => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const text = { type: 'text', value: node.value } as const;
      parent.children[index] = parent.type === 'root' ? { type: 'paragraph', children: [text] } : text;
    });
  };
}

/** The Markdown subset comments may use; anything else (headings, images, tables) keeps only its text. */
const commentSchema = {
  ...defaultSchema,
  tagNames: ['p', 'br', 'em', 'strong', 'code', 'pre', 'a', 'blockquote', 'ul', 'ol', 'li'],
  attributes: { a: ['href'], ol: ['start'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  clobberPrefix: 'comment-content-',
  strip: ['script', 'style', 'img'],
};

/** Marks links as user content; a link whose address the sanitiser removed becomes its plain text. */
function rehypeCommentLinks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'a') return;
      if (node.properties.href) {
        node.properties.rel = ['nofollow', 'ugc', 'noopener', 'noreferrer'];
      } else if (parent && index !== undefined) {
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
    });
  };
}

const renderer = unified()
  .use(remarkParse)
  .use(remarkHtmlAsText)
  .use(remarkRehype)
  .use(rehypeSanitize, commentSchema)
  .use(rehypeCommentLinks)
  .use(rehypeStringify);

/** A comment body as safe HTML: only the allowed elements, only http/https/mailto links. */
export function renderCommentBody(body: string): string {
  return String(renderer.processSync(body));
}

/** The addresses a comment links to (inline links, autolinks, reference definitions): many mark likely spam. */
export function countLinks(body: string): number {
  let links = 0;
  visit(unified().use(remarkParse).parse(body), ['link', 'definition'], () => {
    links += 1;
  });
  return links;
}

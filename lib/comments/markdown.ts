import 'server-only';
import type { Root as HastRoot } from 'hast';
import MarkdownIt, { type Env } from 'markdown-it';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { tokensToHast } from './markdown-hast';
import { limitNesting } from './markdown-nesting';

export { maxCommentNesting } from './markdown-nesting';

/**
 * CommonMark. Raw HTML is recognised, so that Markdown inside an HTML block stays as typed, and then
 * shown as text (see tokensToHast); which links survive is the sanitiser's decision alone.
 */
const markdown = new MarkdownIt('commonmark', { html: true }).use(limitNesting);
markdown.validateLink = () => true;

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

const sanitizer = unified().use(rehypeSanitize, commentSchema).use(rehypeCommentLinks).use(rehypeStringify);

export interface RenderedCommentBody {
  html: string;
  /** The Markdown could not be rendered: `html` is the escaped text, and the blogger should be told. */
  asPlainText: boolean;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function plainTextHtml(body: string): string {
  return `<p>${body.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character).replace(/\n/g, '<br>\n')}</p>`;
}

/**
 * A comment body as safe HTML: only the allowed elements, only http/https/mailto links, nesting
 * capped at `maxCommentNesting`. Never throws: a body that cannot be rendered, whatever the reason,
 * comes back as escaped text, so that one comment can never break a page or the moderation queue.
 */
export function renderCommentBody(body: string): RenderedCommentBody {
  try {
    const tree = tokensToHast(markdown.parse(body, {}));
    return { html: sanitizer.stringify(sanitizer.runSync(tree)), asPlainText: false };
  } catch (error) {
    console.error('A comment could not be rendered as Markdown; showing it as plain text:', error);
    return { html: plainTextHtml(body), asPlainText: true };
  }
}

/**
 * The addresses a comment links to: every link it shows (inline, reference, autolink) and any
 * reference definition none of them uses. Many mark likely spam. A body that cannot be read counts
 * as too many, so that it waits for the blogger.
 */
export function countLinks(body: string): number {
  try {
    const env: Env = {};
    const shown = markdown
      .parse(body, env)
      .flatMap((block) => block.children ?? [])
      .filter((token) => token.type === 'link_open')
      .map((token) => token.attrGet('href'));
    const linked = new Set(shown);
    const unused = Object.values(env.references ?? {}).filter((reference) => !linked.has(reference.href));
    return shown.length + unused.length;
  } catch (error) {
    console.error('The links of a comment could not be counted; holding it for moderation:', error);
    return Number.POSITIVE_INFINITY;
  }
}

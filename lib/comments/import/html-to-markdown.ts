import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toMarkdown } from 'mdast-util-to-markdown';

/**
 * An exported comment's HTML as Markdown that Folio's comment renderer reads back the same way.
 * Scripts and styles are dropped and attributes (event handlers included) have no Markdown form; what
 * remains is rendered through the same sanitiser as every other comment, which removes unsafe links.
 */
export function convertHtmlToMarkdown(html: string): string {
  const mdast = toMdast(fromHtml(html, { fragment: true }));
  return toMarkdown(mdast, { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-' }).trim();
}

/**
 * WordPress stores a comment as typed, inline HTML and all, and adds paragraphs only when showing it
 * (`wpautop`): a blank line separates paragraphs and a single line break is a `<br>`.
 */
export function addWordPressParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${paragraph.trim().replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

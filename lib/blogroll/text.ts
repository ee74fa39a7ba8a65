import { convert, type HtmlToTextOptions } from 'html-to-text';

const summaryLength = 256;

/** A summary needs only the start of an entry; cutting the HTML bounds the work a hostile feed can cause. */
const maxHtmlLength = 32 * 1024;

const htmlToTextOptions: HtmlToTextOptions = {
  wordwrap: false,
  // Deeper nesting is dropped instead of overflowing the stack.
  limits: { maxDepth: 64, ellipsis: '' },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
};

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Feed text as one line of plain text: markup (and what scripts or styles hold) removed, entities decoded. */
export function toPlainText(value: string, isHtml: boolean): string {
  return collapseWhitespace(isHtml ? convert(value.slice(0, maxHtmlLength), htmlToTextOptions) : value);
}

/** Cuts text to about `maxLength` characters at a word boundary, ending with an ellipsis when cut. */
export function shortenAtWord(text: string, maxLength = summaryLength): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const words = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : text.slice(0, maxLength);
  return `${words.replace(/[\s.,;:!?—–-]+$/u, '')}…`;
}

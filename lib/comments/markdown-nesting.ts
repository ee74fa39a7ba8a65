import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';

/**
 * How deep quotes and lists may nest inside each other, and emphasis and links inside each
 * other. Deeper structure is shown as the text that was typed, so that no comment can make
 * parsing, or anything that walks the result, recurse as deep as the comment is long.
 */
export const maxCommentNesting = 8;

const containerOpen = new Set(['blockquote_open', 'bullet_list_open', 'ordered_list_open']);
const containerClose = new Set(['blockquote_close', 'bullet_list_close', 'ordered_list_close']);

/**
 * Open quotes and lists where the block parser stands. Tokens are only ever appended, so each
 * parse reads every token once, however many times it asks.
 */
const openContainers = new WeakMap<StateBlock, { read: number; depth: number }>();

function containerDepth(state: StateBlock): number {
  const seen = openContainers.get(state) ?? { read: 0, depth: 0 };
  for (; seen.read < state.tokens.length; seen.read++) {
    const type = state.tokens[seen.read]?.type ?? '';
    if (containerOpen.has(type)) seen.depth++;
    else if (containerClose.has(type)) seen.depth--;
  }
  openContainers.set(state, seen);
  return seen.depth;
}

/**
 * Runs before every other block rule: at the cap, each block (up to a blank line or the end of its
 * container) becomes a paragraph of its text, markers included, and the parser goes no deeper.
 */
function deepBlocksAsText(state: StateBlock, startLine: number, endLine: number): boolean {
  if (containerDepth(state) < maxCommentNesting) return false;
  let next = startLine + 1;
  while (next < endLine && !state.isEmpty(next) && (state.sCount[next] ?? 0) >= state.blkIndent) next++;
  state.push('paragraph_open', 'p', 1).map = [startLine, next];
  const inline = state.push('inline', '', 0);
  inline.content = state.getLines(startLine, next, state.blkIndent, false).trim();
  inline.map = [startLine, next];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  state.line = next;
  return true;
}

function showAsText(token: Token): void {
  token.content = token.type.startsWith('link_') ? '' : token.markup;
  token.type = 'text';
  token.tag = '';
  token.attrs = null;
  token.nesting = 0;
}

/** Emphasis and links nested past the cap lose their markup: emphasis shows its asterisks, a link its text. */
function flattenDeepInline(state: StateCore): void {
  for (const block of state.tokens) {
    let depth = 0;
    for (const token of block.children ?? []) {
      const { nesting } = token;
      if (nesting === 1) depth++;
      if (depth > maxCommentNesting && nesting !== 0) showAsText(token);
      if (nesting === -1) depth--;
    }
  }
}

/** A markdown-it plugin that holds nesting to `maxCommentNesting`. */
export function limitNesting(markdown: MarkdownIt): void {
  markdown.block.ruler.before('table', 'deep_blocks_as_text', deepBlocksAsText);
  markdown.core.ruler.after('inline', 'flatten_deep_inline', flattenDeepInline);
}

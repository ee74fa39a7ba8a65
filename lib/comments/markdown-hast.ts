import type { Element, ElementContent, Root, Text } from 'hast';
import type { Token } from 'markdown-it';

type Parent = Root | Element;

const text = (value: string): Text => ({ type: 'text', value });

function element(token: Token, children: ElementContent[] = []): Element {
  return { type: 'element', tagName: token.tag, properties: Object.fromEntries(token.attrs ?? []), children };
}

function leaf(token: Token): ElementContent[] {
  switch (token.type) {
    case 'softbreak':
      return [text('\n')];
    case 'hardbreak':
      return [element(token), text('\n')];
    // Raw HTML is shown as the text the reader typed, never interpreted.
    case 'html_block':
      return [{ type: 'element', tagName: 'p', properties: {}, children: [text(token.content.replace(/\n$/, ''))] }];
    case 'html_inline':
      return [text(token.content)];
    case 'image':
      return [element(token)];
    case 'code_inline':
      return [element(token, [text(token.content)])];
    case 'code_block':
    case 'fence':
      return [{ type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'element', tagName: 'code', properties: {}, children: [text(token.content)] }] }];
    default:
      if (token.tag && !token.content) return [element(token)];
      return token.content ? [text(token.content)] : [];
  }
}

/** Where markdown-it's own HTML renderer puts a line break after a block tag, so that the HTML reads the same. */
function breaksLineAfter(tokens: Token[], index: number): boolean {
  const token = tokens[index];
  const next = tokens[index + 1];
  if (!token?.block) return false;
  if (token.nesting !== 1 || !next) return true;
  return !(next.type === 'inline' || next.hidden || (next.nesting === -1 && next.tag === token.tag));
}

function append(tokens: Token[], open: Parent[]): void {
  tokens.forEach((token, index) => {
    if (token.hidden) return;
    if (token.type === 'inline') return append(token.children ?? [], open);
    const parent = open.at(-1) as Parent;
    if (token.block && token.nesting !== -1 && tokens[index - 1]?.hidden) parent.children.push(text('\n'));
    if (token.nesting === 1) {
      const opened = element(token);
      parent.children.push(opened);
      open.push(opened);
    } else if (token.nesting === -1) {
      if (open.length > 1) open.pop();
    } else {
      parent.children.push(...leaf(token));
    }
    if (breaksLineAfter(tokens, index)) (open.at(-1) as Parent).children.push(text('\n'));
  });
}

/**
 * markdown-it's tokens as a hast tree, built with a stack rather than by recursion: the tokens
 * are a flat list of opening and closing tags, so the tree is as deep as they say and no deeper.
 */
export function tokensToHast(tokens: Token[]): Root {
  const root: Root = { type: 'root', children: [] };
  append(tokens, [root]);
  const last = root.children.at(-1);
  if (last?.type === 'text' && last.value === '\n') root.children.pop();
  return root;
}

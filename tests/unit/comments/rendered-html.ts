import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** What a rendered comment may contain: the elements, attributes and link schemes readers may use. */
const allowedAttributes: Record<string, string[]> = {
  p: [],
  br: [],
  em: [],
  strong: [],
  code: [],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  a: ['href', 'rel'],
};
const allowedSchemes = new Set(['http:', 'https:', 'mailto:']);

/** Every element with the number of its ancestors (itself included) whose tag is in `counted`; walked without recursion. */
function* elementsWithDepth(html: string, counted: readonly string[]): Generator<{ element: Element; depth: number }> {
  const pending: { node: Root | Element; depth: number }[] = [{ node: fromHtml(html, { fragment: true }), depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    for (const child of next.node.children) {
      if (child.type !== 'element') continue;
      const depth = next.depth + (counted.includes(child.tagName) ? 1 : 0);
      yield { element: child, depth };
      pending.push({ node: child, depth });
    }
  }
}

export function maxDepthOf(html: string, counted: readonly string[]): number {
  let max = 0;
  for (const { depth } of elementsWithDepth(html, counted)) max = Math.max(max, depth);
  return max;
}

/** Each element, attribute or link address in `html` that the comment sanitiser should have removed. */
export function sanitiserViolations(html: string): string[] {
  const found: string[] = [];
  for (const { element } of elementsWithDepth(html, [])) {
    const attributes = allowedAttributes[element.tagName];
    if (!attributes) {
      found.push(`<${element.tagName}>`);
      continue;
    }
    for (const name of Object.keys(element.properties)) if (!attributes.includes(name)) found.push(`<${element.tagName} ${name}>`);
    const href = element.properties.href;
    const scheme = typeof href === 'string' ? /^[a-z][a-z0-9+.-]*:/i.exec(href)?.[0] : undefined;
    if (scheme && !allowedSchemes.has(scheme.toLowerCase())) found.push(`<a href="${String(href)}">`);
  }
  return found;
}

import type { ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h, type Properties } from 'hastscript';
import { Fragment, isValidElement, type ReactNode } from 'react';

// react-dom/server cannot run where posts compile: `npm run build` and `npm run check` load the
// React Server Components build of React (--conditions=react-server), and so does Next's server.
// A post body is host elements and plain function components (a server component has no state),
// which this turns into HTML with the hast utilities the feeds already use.

type Props = Record<string, unknown> & { children?: ReactNode };

/** Props that steer React itself and never become attributes. */
const reactProps = new Set(['children', 'dangerouslySetInnerHTML', 'suppressHydrationWarning', 'suppressContentEditableWarning', 'ref']);

/** A style object as React writes it: `name:value` pairs joined by `;`, camelCase names hyphenated. */
function cssText(style: Record<string, unknown>): string {
  return Object.entries(style)
    .filter(([, value]) => value !== null && value !== undefined && value !== '' && typeof value !== 'boolean')
    .map(([name, value]) => `${name.startsWith('--') ? name : name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}:${String(value)}`)
    .join(';');
}

function toAttributes(props: Props): Properties {
  const attributes: Properties = {};
  for (const [name, value] of Object.entries(props)) {
    if (reactProps.has(name) || typeof value === 'function') continue;
    if (name === 'style' && typeof value === 'object' && value !== null) attributes[name] = cssText(value as Record<string, unknown>);
    // React writes `true` and `false` out in data and ARIA attributes; elsewhere they switch an attribute on or off.
    else if (typeof value === 'boolean' && /^(data|aria)-/.test(name)) attributes[name] = String(value);
    else attributes[name] = value as Properties[string];
  }
  return attributes;
}

async function toHast(node: ReactNode): Promise<ElementContent[]> {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return [{ type: 'text', value: String(node) }];
  if (Symbol.iterator in Object(node)) {
    const children = await Promise.all([...(node as Iterable<ReactNode>)].map(toHast));
    return children.flat();
  }
  if (!isValidElement<Props>(node)) throw new Error(`cannot render ${String(node)} as static HTML`);
  const { type, props } = node;
  if (type === Fragment) return toHast(props.children);
  if (typeof type === 'function') return toHast(await (type as (props: Props) => ReactNode | Promise<ReactNode>)(props));
  if (typeof type !== 'string') throw new Error('cannot render a component other than a function as static HTML');
  const inner = (props.dangerouslySetInnerHTML as { __html?: string } | undefined)?.__html;
  const children = inner === undefined ? await toHast(props.children) : (fromHtml(inner, { fragment: true }).children as ElementContent[]);
  return [h(type, toAttributes(props), children)];
}

/**
 * A React tree with no state or effects as a hast tree: serialised with hast-util-to-html, it is
 * the HTML react-dom's `renderToStaticMarkup` writes.
 */
export async function renderStaticHast(node: ReactNode): Promise<Root> {
  return { type: 'root', children: await toHast(node) };
}

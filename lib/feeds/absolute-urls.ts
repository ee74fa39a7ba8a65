import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

const urlAttributes = ['href', 'src', 'poster', 'cite', 'action'] as const;

function resolveSrcset(srcset: string, base: URL): string {
  return srcset
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
      return [new URL(url, base).toString(), ...descriptors].join(' ');
    })
    .join(', ');
}

/**
 * Rewrites every URL in an HTML fragment against `baseUrl`, so links, images and
 * in-page anchors such as footnotes keep working when the HTML is read elsewhere
 * (a feed reader has no idea which page the fragment came from).
 */
export function absolutiseUrls(html: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element) => {
    for (const attribute of urlAttributes) {
      const value = node.properties[attribute];
      if (typeof value === 'string') node.properties[attribute] = new URL(value, base).toString();
    }
    const srcset = node.properties.srcSet;
    if (Array.isArray(srcset)) node.properties.srcSet = resolveSrcset(srcset.join(', '), base);
    else if (typeof srcset === 'string') node.properties.srcSet = resolveSrcset(srcset, base);
  });
  return toHtml(tree);
}

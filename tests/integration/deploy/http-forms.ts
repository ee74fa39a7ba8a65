import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Cookies a server set, sent back as a browser would (one site, no expiry handling needed here). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function findElements(root: Element | ReturnType<typeof fromHtml>, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(root, 'element', (element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

/** Picks the form that has a field of this name (every page also carries the header's search form). */
export const withField = (name: string) => (form: Element) => findElements(form, (element) => element.properties.name === name).length > 0;

/**
 * The fields a browser without JavaScript would send for the first form that `pick` accepts
 * (in an element whose text contains `within`, when given), with `values` filled in.
 */
export function formFields(html: string, pick: (form: Element) => boolean, values: Record<string, string>, within?: string): FormData {
  const scopes = within ? findElements(fromHtml(html), (element) => element.tagName === 'article' && toString(element).includes(within)) : [fromHtml(html)];
  const form = scopes.flatMap((scope) => findElements(scope, (element) => element.tagName === 'form' && pick(element)))[0];
  if (!form) throw new Error('The form is not on the page');
  const data = new FormData();
  for (const field of findElements(form, (element) => ['input', 'textarea'].includes(element.tagName))) {
    const name = field.properties.name;
    if (typeof name === 'string') data.set(name, String(field.properties.value ?? toString(field)));
  }
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

/** Posts a form as the browser would, from the page's own origin. */
export function submitForm(pageUrl: string, data: FormData, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(pageUrl, { method: 'POST', body: data, redirect: 'manual', headers: { origin: new URL(pageUrl).origin, ...headers } });
}

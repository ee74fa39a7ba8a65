import type { Page } from '@playwright/test';

/**
 * Watches a page for anything an injected payload could make happen: a dialog, a call to
 * alert/confirm/prompt/print, a request to another origin, a Content Security Policy violation.
 * Requests are only recorded, not intercepted: routing every request turns off Chromium's cache,
 * which made each page load fetch Next's scripts again. The browser cannot reach other hosts
 * anyway (see the host resolver rules in playwright.config.ts).
 */
export async function watchForExecution(page: Page, origin: string) {
  const events = { dialogs: [] as string[], foreignRequests: [] as string[], cspViolations: [] as string[] };
  await page.addInitScript(() => {
    const flagged = window as typeof window & { __folioXss?: boolean };
    flagged.__folioXss = false;
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      const original = window[name].bind(window);
      Object.defineProperty(window, name, { value: (...args: never[]) => ((flagged.__folioXss = true), original(...args)) });
    }
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('dialog', (dialog) => {
    events.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) events.cspViolations.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) events.foreignRequests.push(url);
  });
  return events;
}

/** Whether a watched page called alert, confirm, prompt or print. */
export const executedPayload = (page: Page) => page.evaluate(() => (window as typeof window & { __folioXss?: boolean }).__folioXss);

/**
 * What a reader's text must never become, in `elements` and everything under them: elements that
 * run, embed, load or restyle something, event-handler, style and srcdoc attributes, and URLs with a
 * scheme other than http(s) or mailto. It runs in the page (`evaluateAll`, or rebuilt from its
 * source), so it uses nothing from outside its own body.
 */
export function injectedMarkup(elements: Element[]): string[] {
  const activeElements = ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'STYLE', 'IMG', 'BASE', 'META', 'LINK', 'TEMPLATE'];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];
  return elements
    .flatMap((root) => [root, ...root.querySelectorAll('*')])
    .flatMap((element) => {
      const tag = element.tagName.toUpperCase();
      const attributes = [...element.attributes].filter(
        ({ name, value }) =>
          name.startsWith('on') || name === 'style' || name === 'srcdoc' || (urlAttributes.includes(name) && !/^(https?:|mailto:|#|\/|$)/i.test(value)),
      );
      return [...(activeElements.includes(tag) ? [tag] : []), ...attributes.map(({ name, value }) => `${tag} ${name}=${value}`)];
    });
}

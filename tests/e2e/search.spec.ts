import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { executedPayload, injectedMarkup, watchForExecution } from './support/execution-watch';

const payloadGroups = JSON.parse(readFileSync('tests/fixtures/xss/payloads.json', 'utf8')) as Record<string, string[]>;

const results = (page: Page) => page.getByRole('main').getByRole('listitem');
const resultTitles = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 });

async function searchFromHeader(page: Page, query: string) {
  const form = page.getByRole('search', { name: 'Site search' });
  await form.getByRole('searchbox').fill(query);
  await form.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
}

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader finds a post from the header by a phrase from its body, a misspelt word and a tag', async ({ page }) => {
    await page.goto('/blog/sketching-a-garden-shed');
    await searchFromHeader(page, '"plain search found everything"');
    await expect(page.getByRole('status')).toHaveText('1 post matches "plain search found everything".');
    await expect(resultTitles(page)).toHaveText(['A year of plain-text notes']);
    await expect(results(page).first().locator('p mark')).toHaveText(['plain', 'search', 'found', 'everything']);
    await expect(page.getByRole('searchbox', { name: /phrase in quotes/ })).toHaveValue('"plain search found everything"');

    await searchFromHeader(page, 'higlighter');
    await expect(resultTitles(page).first()).toHaveText('Highlighting code at build time');
    await expect(results(page).first().locator('p mark')).toHaveText(['highlighter']);

    await searchFromHeader(page, 'WOODWORK');
    await expect(resultTitles(page)).toHaveText([/a level base/, /cladding, a window/, /framing the walls/]);
    await expect(results(page).first().getByRole('link', { name: 'woodwork' })).toHaveAttribute('href', '/tags/woodwork');
    await resultTitles(page).first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Building the shed: a level base');
  });

  test('results come a page at a time, with links to the pages either side', async ({ page }) => {
    await page.goto('/search?q=build');
    await expect(page.getByRole('status')).toHaveText('6 posts match “build”, page 1 of 2.');
    await expect(resultTitles(page)).toHaveCount(5);
    const firstPage = await resultTitles(page).allTextContents();
    const pages = page.getByRole('navigation', { name: 'Result pages' });
    await expect(pages.getByRole('link', { name: 'Previous page' })).toHaveCount(0);
    await pages.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/\/search\?q=build&page=2$/);
    await expect(page.getByRole('status')).toHaveText('6 posts match “build”, page 2 of 2.');
    await expect(resultTitles(page)).toHaveCount(1);
    expect(firstPage).not.toContain(await resultTitles(page).first().textContent());
    await expect(page.getByRole('main').getByRole('list')).toHaveAttribute('start', '6');
    await page.getByRole('navigation', { name: 'Result pages' }).getByRole('link', { name: 'Previous page' }).click();
    await expect(resultTitles(page)).toHaveText(firstPage);
  });

  test('an empty, absurd or unmatched query gets a page that says what to do', async ({ page }) => {
    for (const [query, message] of [
      ['', /Type a word or two/],
      ['x'.repeat(10_000), /No post matches/],
      ['%00%07%1b%7f%e2%80%ae%ef%bb%bf', /Type a word or two/],
      ['?!%E2%80%A6%E2%80%94%22%22%3B%3A()%5B%5D%7B%7D', /no word to search for/],
      ['the%20and%20of', /no word to search for/],
      ['zebra%20quokka', /No post matches “zebra quokka”/],
    ] as const) {
      const response = await page.goto(`/search?q=${query}&page=-4`);
      expect(response?.status(), query.slice(0, 40)).toBe(200);
      await expect(page.getByRole('main').getByRole('status')).toHaveText(message);
    }
    await page.goto(`/search?q=${'x'.repeat(10_000)}`);
    expect((await page.getByRole('searchbox', { name: /phrase in quotes/ }).inputValue()).length).toBe(200);
  });
});

// Every payload's result page, as the server sent it, goes through Chromium's HTML parser, which
// shows whether the payload became markup. Loading each page with its scripts (most of a page
// load's cost) is left to the first of each kind, where hydration and execution are watched: the
// query takes the same path through the page whatever it holds.
const payloadsRunWithJavaScript = 2;

for (const [group, payloads] of Object.entries(payloadGroups)) {
  test(`XSS payloads as the query (${group}) are shown as text, and nothing they hold runs in Chromium`, async ({ page, request, baseURL }) => {
    const searchUrl = (payload: string) => `/search?${new URLSearchParams({ q: payload })}`;
    const served = await Promise.all(
      payloads.map(async (payload) => {
        const response = await request.get(searchUrl(payload));
        expect(response.status(), payload).toBe(200);
        return response.text();
      }),
    );
    // Last, a page where a payload did become markup: the check must see it there.
    const control = '<main><img src=x onerror=alert(1)></main>';
    const parsed = await page.evaluate(
      ({ pages, find }) => {
        const inject = new Function(`return ${find}`)() as typeof injectedMarkup;
        return pages.map((html) => {
          const main = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
          return main ? inject([main]) : ['no main element'];
        });
      },
      { pages: [...served, control], find: injectedMarkup.toString() },
    );
    expect(parsed.pop()).toEqual(expect.arrayContaining(['IMG', 'IMG onerror=alert(1)']));
    for (const [index, payload] of payloads.entries()) expect(parsed[index], payload).toEqual([]);

    const events = await watchForExecution(page, baseURL ?? '');
    for (const payload of payloads.slice(0, payloadsRunWithJavaScript)) {
      await page.goto(searchUrl(payload), { waitUntil: 'load' });
      expect(await page.locator('main').evaluateAll(injectedMarkup), payload).toEqual([]);
      expect(await executedPayload(page), payload).toBe(false);
    }
    expect(events.dialogs).toEqual([]);
    expect(events.foreignRequests).toEqual([]);
    expect(events.cspViolations).toEqual([]);
  });
}

test('with JavaScript, the results follow the words as they are typed on /search', async ({ page }) => {
  await page.goto('/search');
  const box = page.getByRole('searchbox', { name: /phrase in quotes/ });
  await box.pressSequentially('clad', { delay: 30 });
  await expect(resultTitles(page).first()).toHaveText(/cladding, a window/);
  await expect(page).toHaveURL(/\/search\?q=clad$/);
  await box.pressSequentially('ding studs', { delay: 30 });
  await expect(page.getByRole('status')).toHaveText(/posts? match “cladding studs”/);
});

test('only /search loads search code: no post page does', async ({ page }) => {
  const scriptsOf = async (path: string) => {
    const scripts = new Map<string, string>();
    const collect = async (response: import('@playwright/test').Response) => {
      if (response.request().resourceType() === 'script') scripts.set(new URL(response.url()).pathname, await response.text());
    };
    page.on('response', collect);
    await page.goto(path, { waitUntil: 'networkidle' });
    page.off('response', collect);
    return scripts;
  };
  const searchScripts = await scriptsOf('/search?q=shed');
  const homeScripts = await scriptsOf('/');
  const searchOnly = [...searchScripts.keys()].filter((url) => !homeScripts.has(url));
  expect(searchOnly.length).toBeGreaterThan(0);
  expect([...searchScripts.values()].some((code) => /["']search-query["']/.test(code))).toBe(true);
  for (const post of ['/blog/a-year-of-plain-text-notes', '/blog/building-the-shed-framing-the-walls']) {
    const postScripts = await scriptsOf(post);
    expect([...postScripts.keys()].filter((url) => searchOnly.includes(url)), post).toEqual([]);
    expect([...postScripts.values()].filter((code) => /["']search-query["']/.test(code)), post).toEqual([]);
  }
});

test('/search with results has no accessibility violations', async ({ page }) => {
  await page.goto('/search?q=shed');
  await expect(resultTitles(page).first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
});

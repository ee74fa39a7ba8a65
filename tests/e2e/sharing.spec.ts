import { expect, test, type APIRequestContext } from '@playwright/test';
import { extractFromJson, extractFromXml, type FeedEntry } from '@extractus/feed-extractor';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { imageSize } from 'image-size';
import ogs from 'open-graph-scraper';
import { visit } from 'unist-util-visit';
import siteConfig from '@/site.config';

// The build bakes in the site's public URL (SITE_URL, default http://localhost:3000), while the
// test server listens elsewhere. Tests check absolute URLs against the built-in origin, then
// fetch their paths from the test server.
const siteOrigin = new URL(siteConfig.url).origin;
const published = [
  { slug: 'building-the-shed-cladding-and-a-door', title: 'Building the shed: cladding, a window and a door that closes', date: '2024-05-18' },
  { slug: 'building-the-shed-framing-the-walls', title: 'Building the shed: framing the walls', date: '2024-04-27' },
  { slug: 'building-the-shed-a-level-base', title: 'Building the shed: a level base', date: '2024-04-06' },
  { slug: 'sketching-a-garden-shed', title: 'Sketching a garden shed before building it', date: '2024-02-11' },
  { slug: 'highlighting-code-at-build-time', title: 'Highlighting code at build time', date: '2023-04-18' },
  { slug: 'a-year-of-plain-text-notes', title: 'A year of plain-text notes', date: '2022-10-03' },
];
const longPost = published[5]!;

async function expectCard(request: APIRequestContext, imageUrl: string | undefined, pathname: string) {
  const url = new URL(imageUrl ?? '');
  expect(url.origin).toBe(siteOrigin);
  expect(url.pathname).toBe(pathname);
  const response = await request.get(`${url.pathname}${url.search}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(imageSize(await response.body())).toEqual({ type: 'png', width: 1200, height: 630 });
}

test('a shared post previews with its title, description and a 1200×630 PNG card', async ({ request, baseURL }) => {
  const { error, result } = await ogs({ url: `${baseURL}/blog/${longPost.slug}` });
  expect(error).toBe(false);
  expect(result.ogTitle).toBe(longPost.title);
  expect(result.ogDescription).toBe(
    'What happened when I moved every note, list and half-finished idea into a folder of text files for twelve months.',
  );
  expect(result.ogType).toBe('article');
  expect(result.ogUrl).toBe(`${siteOrigin}/blog/${longPost.slug}`);
  expect(result.ogSiteName).toBe(siteConfig.title);
  expect(result.twitterCard).toBe('summary_large_image');
  const [image] = result.ogImage ?? [];
  expect(image).toMatchObject({ width: '1200', height: '630', type: 'image/png' });
  await expectCard(request, image?.url, `/blog/${longPost.slug}/opengraph-image`);
  await expectCard(request, result.twitterImage?.[0]?.url, `/blog/${longPost.slug}/opengraph-image`);
});

test('home, tags and archive share the site card', async ({ request, baseURL }) => {
  for (const path of ['/', '/tags', '/tags/tools', '/archive']) {
    const { result } = await ogs({ url: `${baseURL}${path}` });
    await expectCard(request, result.ogImage?.[0]?.url, '/opengraph-image');
    await expectCard(request, result.twitterImage?.[0]?.url, '/opengraph-image');
  }
});

test('a post carries its dates, tags and BlogPosting structured data, without JavaScript', async ({ browser }) => {
  const page = await browser.newPage({ javaScriptEnabled: false });
  await page.goto(`/blog/${longPost.slug}`);
  const meta = (property: string) => page.locator(`head meta[property="${property}"]`);
  await expect(meta('article:published_time')).toHaveAttribute('content', '2022-10-03');
  await expect(meta('article:modified_time')).toHaveAttribute('content', '2023-01-15');
  await expect(meta('article:tag')).toHaveCount(2);
  await expect(meta('og:image:alt')).toHaveAttribute('content', /title, date and reading time/);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', `${siteOrigin}/blog/${longPost.slug}`);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: longPost.title,
    datePublished: '2022-10-03',
    dateModified: '2023-01-15',
    author: { '@type': 'Person', name: siteConfig.author.name },
    image: `${siteOrigin}/blog/${longPost.slug}/opengraph-image`,
  });
  await page.close();
});

test('every page links its feeds for autodiscovery, a post its comment feed and a tag page its own feed too', async ({ page }) => {
  const feeds = page.locator('head link[rel="alternate"]');
  const commentFeed = `/blog/${longPost.slug}/comments.xml`;
  for (const [path, pageFeeds] of [
    ['/', []],
    [`/blog/${longPost.slug}`, [['application/atom+xml', commentFeed]]],
    ['/archive', []],
  ] as const) {
    await page.goto(path);
    await expect(feeds).toHaveCount(3 + pageFeeds.length);
    for (const [type, feedPath] of [
      ['application/rss+xml', '/feed.xml'],
      ['application/atom+xml', '/atom.xml'],
      ['application/feed+json', '/feed.json'],
      ...pageFeeds,
    ]) {
      await expect(page.locator(`head link[rel="alternate"][type="${type}"][href="${siteOrigin}${feedPath}"]`)).toHaveCount(1);
    }
  }
  await page.goto('/tags/tools');
  await expect(page.locator(`head link[rel="alternate"][href="${siteOrigin}/tags/tools/feed.xml"]`)).toHaveAttribute('type', 'application/rss+xml');
});

/** Each entry's full HTML body, whatever the format calls it. */
const withContent = {
  descriptionMaxLen: 0,
  getExtraEntryFields: (entry: Record<string, unknown>) => {
    const content = entry['content:encoded'] ?? entry.content_html ?? entry.content;
    return {
      content: typeof content === 'object' && content !== null ? (content as { '#text': string })['#text'] : content,
      publishedRaw: entry.published ?? entry.date_published ?? entry.pubDate,
    };
  },
};

function urlsIn(html: string): string[] {
  const urls: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    for (const name of ['href', 'src']) if (typeof node.properties[name] === 'string') urls.push(node.properties[name]);
  });
  return urls;
}

for (const { path, contentType, parse } of [
  { path: '/feed.xml', contentType: 'application/rss+xml', parse: (body: string) => extractFromXml(body, withContent) },
  { path: '/atom.xml', contentType: 'application/atom+xml', parse: (body: string) => extractFromXml(body, withContent) },
  { path: '/feed.json', contentType: 'application/feed+json', parse: (body: string) => extractFromJson(body, withContent) },
]) {
  test(`${path} lists every published post with its full body and absolute links`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.headers()['content-type']).toContain(contentType);
    const feed = parse(await response.text());
    expect(feed.title).toBe(siteConfig.title);
    expect(feed.link).toBe(`${siteOrigin}/`);
    const entries = (feed.entries ?? []) as Array<FeedEntry & { content?: string; publishedRaw?: string }>;
    expect(entries.map((entry) => entry.title)).toEqual(published.map((post) => post.title));
    expect(entries.map((entry) => entry.link)).toEqual(published.map((post) => `${siteOrigin}/blog/${post.slug}`));
    expect(entries.map((entry) => new Date(entry.publishedRaw ?? '').toISOString().slice(0, 10))).toEqual(
      published.map((post) => post.date),
    );

    const notes = entries[published.indexOf(longPost)]?.content ?? '';
    // The whole post, to its last footnote, not an excerpt.
    expect(notes).toContain('which a search finds just as well as a tag');
    expect(notes).toContain('<table>');
    expect(notes).not.toContain('heading-anchor');
    const urls = entries.flatMap((entry) => urlsIn(entry.content ?? ''));
    for (const url of urls) expect(url).toMatch(/^https?:\/\//);
    expect(urls).toEqual(
      expect.arrayContaining([
        `${siteOrigin}/blog/${longPost.slug}#user-content-fn-export`,
        `${siteOrigin}/blog/${longPost.slug}#user-content-fnref-export`,
        `${siteOrigin}/images/shed-sketch.svg`,
      ]),
    );
  });
}

test('a JSON Feed is version 1.1, and a tag feed holds only that tag’s posts', async ({ request }) => {
  const json = (await (await request.get('/feed.json')).json()) as { version: string; authors: Array<{ name: string }> };
  expect(json.version).toBe('https://jsonfeed.org/version/1.1');
  expect(json.authors).toEqual([expect.objectContaining({ name: siteConfig.author.name })]);

  const tagFeed = extractFromXml(await (await request.get('/tags/tools/feed.xml')).text());
  expect(tagFeed.title).toBe(`${siteConfig.title}: posts tagged “tools”`);
  expect((tagFeed.entries ?? []).map((entry) => entry.title)).toEqual([
    'Sketching a garden shed before building it',
    'A year of plain-text notes',
  ]);
});

test('the sitemap lists the home page, every post and tag page with dates, and robots.txt points to it', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const entries = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>\s*<lastmod>([^<]+)<\/lastmod>/g)].map(([, loc, lastmod]) => [loc, lastmod]);
  expect(entries).toContainEqual([`${siteOrigin}/`, '2024-05-18']);
  expect(entries).toContainEqual([`${siteOrigin}/blog/a-year-of-plain-text-notes`, '2023-01-15']);
  expect(entries).toContainEqual([`${siteOrigin}/tags/writing`, '2023-01-15']);
  expect(sitemap).not.toContain('notes-on-the-shed-roof');
  expect(entries.filter(([loc]) => loc?.includes('/blog/'))).toHaveLength(published.length);

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${siteOrigin}/sitemap.xml`);
});

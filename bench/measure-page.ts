import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export interface PageWeight {
  htmlBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
  requests: number;
  /** Everything the browser received until the network was idle, as sent (compressed where the server compressed). */
  transferredBytes: number;
  /** The part of it that Next's link prefetching fetched for pages the reader has not opened. */
  prefetchBytes: number;
  layoutShift: number;
  scripts: string[];
}

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Loads `url` in Chromium and adds up what the page made the browser fetch, gzipped as on the wire. */
export async function measurePage(url: string): Promise<PageWeight> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      const state = window as unknown as { __layoutShift: number };
      state.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) state.__layoutShift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const weight: PageWeight = { htmlBytes: 0, jsGzipBytes: 0, cssGzipBytes: 0, requests: 0, transferredBytes: 0, prefetchBytes: 0, layoutShift: 0, scripts: [] };
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      weight.requests += 1;
      const request = response.request();
      const type = request.resourceType();
      pending.push(
        request.sizes().then(({ responseBodySize, responseHeadersSize }) => {
          const bytes = responseBodySize + responseHeadersSize;
          weight.transferredBytes += bytes;
          if (request.headers()['next-router-prefetch']) weight.prefetchBytes += bytes;
        }),
      );
      pending.push(
        response.body().then(
          (body) => {
            if (type === 'document') weight.htmlBytes += body.length;
            if (type === 'script') {
              weight.jsGzipBytes += gzipSync(body, { level: 9 }).length;
              weight.scripts.push(new URL(response.url()).pathname);
            }
            if (type === 'stylesheet') weight.cssGzipBytes += gzipSync(body, { level: 9 }).length;
          },
          () => undefined,
        ),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(500);
    await Promise.all(pending);
    weight.layoutShift = await page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);
    return weight;
  } finally {
    await browser.close();
  }
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { getBlogrollSettings } from '@/lib/blogroll/config';
import siteConfig from '@/site.config';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('getBlogrollSettings', () => {
  it('follows the feeds of site.config.ts by default, within its time bounds', () => {
    vi.stubEnv('FOLIO_BLOGROLL', undefined);
    expect(getBlogrollSettings()).toEqual({
      feeds: siteConfig.blogroll.feeds,
      feedTimeoutMs: siteConfig.blogroll.feedTimeoutSeconds * 1000,
      totalTimeoutMs: siteConfig.blogroll.totalTimeoutSeconds * 1000,
    });
  });

  it('replaces the list with FOLIO_BLOGROLL, ignoring the site’s own feed, repeats and what is no web URL', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ownFeed = new URL('/feed.xml', siteConfig.url).href;
    vi.stubEnv('FOLIO_BLOGROLL', ` https://a.example/feed.xml,${ownFeed},,ftp://b.example/feed, https://a.example/feed.xml ,https://c.example/atom`);
    expect(getBlogrollSettings().feeds).toEqual([{ url: 'https://a.example/feed.xml' }, { url: 'https://c.example/atom' }]);
    expect(warn.mock.calls.map((call) => call[0])).toEqual(['Blogroll: ignoring {"url":"ftp://b.example/feed"}: not an http(s) feed URL']);
  });

  it('follows nothing when FOLIO_BLOGROLL is set but empty', () => {
    vi.stubEnv('FOLIO_BLOGROLL', '');
    expect(getBlogrollSettings().feeds).toEqual([]);
  });
});

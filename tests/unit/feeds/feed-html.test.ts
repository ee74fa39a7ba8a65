import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toFeedHtml as toFeedHtmlFromTree } from '@/lib/feeds/feed-html';

const base = 'https://blog.example/blog/a-post';
const toFeedHtml = (html: string, baseUrl: string) => toFeedHtmlFromTree(fromHtml(html, { fragment: true }), baseUrl);

describe('toFeedHtml', () => {
  it('resolves links, images, srcsets and footnote anchors against the post URL', () => {
    const html = toFeedHtml(
      '<p><a href="#user-content-fn-1">1</a> <a href="/tags/tools">tools</a> <img src="/images/a.png" srcset="/images/a.png 1x, /images/a@2x.png 2x" alt=""></p>',
      base,
    );
    expect(html).toContain('href="https://blog.example/blog/a-post#user-content-fn-1"');
    expect(html).toContain('href="https://blog.example/tags/tools"');
    expect(html).toContain('src="https://blog.example/images/a.png"');
    expect(html).toContain('srcset="https://blog.example/images/a.png 1x, https://blog.example/images/a@2x.png 2x"');
  });

  it('keeps absolute and mailto links as they are, and text that merely looks like a URL', () => {
    const html = toFeedHtml('<p><a href="https://other.example/x">x</a> <a href="mailto:a@b.c">mail</a> href="/not-a-link"</p>', base);
    expect(html).toContain('href="https://other.example/x"');
    expect(html).toContain('href="mailto:a@b.c"');
    expect(html).toContain('href="/not-a-link"');
  });

  it('drops the anchor links beside headings, keeping the headings', () => {
    const html = toFeedHtml('<h2 id="part">Part<a class="heading-anchor" aria-hidden="true" href="#part">#</a></h2><p>Text</p>', base);
    expect(html).toBe('<h2 id="part">Part</h2><p>Text</p>');
  });
});

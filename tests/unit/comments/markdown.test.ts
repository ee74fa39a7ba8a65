import { describe, expect, it } from 'vitest';
import { countLinks, renderCommentBody } from '@/lib/comments/markdown';

describe('renderCommentBody', () => {
  it('renders the allowed Markdown subset', () => {
    const html = renderCommentBody(
      ['Some *emphasis*, **strong** and `code`.', '', '> quoted', '', '- one', '- two', '', '1. first', '', '```', 'block', '```'].join('\n'),
    );
    expect(html).toContain('<p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code</code>.</p>');
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<ol>\n<li>first</li>\n</ol>');
    expect(html).toContain('<pre><code>block\n</code></pre>');
  });

  it('marks every link nofollow ugc noopener noreferrer', () => {
    expect(renderCommentBody('[site](https://example.com) and <mailto:me@example.com>')).toBe(
      '<p><a href="https://example.com" rel="nofollow ugc noopener noreferrer">site</a> and <a href="mailto:me@example.com" rel="nofollow ugc noopener noreferrer">mailto:me@example.com</a></p>',
    );
  });

  it('shows raw HTML as text and drops scripts, event handlers and images', () => {
    const html = renderCommentBody('<script>alert(1)</script> <b onmouseover="x()">bold</b>\n\n![tracker](https://example.com/t.png)');
    expect(html).toBe(
      '<p>&#x3C;script>alert(1)&#x3C;/script> &#x3C;b onmouseover="x()">bold&#x3C;/b></p>\n<p></p>',
    );
  });

  it('keeps only the text of links to javascript:, data: and other schemes', () => {
    const html = renderCommentBody('[a](javascript:alert(1)) [*b*](data:text/html,hi) [c](ftp://files.example)');
    expect(html).toBe('<p>a <em>b</em> c</p>');
  });

  it('reduces headings and tables to their text', () => {
    expect(renderCommentBody('# Big title')).toBe('Big title');
  });
});

describe('countLinks', () => {
  it('counts inline links, autolinks and reference definitions, not bare addresses', () => {
    expect(countLinks('[a](https://a.example) <https://b.example> [c][ref] [d][ref]\n\n[ref]: https://c.example')).toBe(3);
    expect(countLinks('see https://example.com')).toBe(0);
  });
});

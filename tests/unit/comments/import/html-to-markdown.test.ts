import { describe, expect, it } from 'vitest';
import { addWordPressParagraphs, convertHtmlToMarkdown } from '@/lib/comments/import/html-to-markdown';
import { renderCommentBody } from '@/lib/comments/markdown';
import { sanitiserViolations } from '../rendered-html';

/** What readers see of an exported comment once imported. */
const shown = (html: string) => renderCommentBody(convertHtmlToMarkdown(html)).html;

describe('convertHtmlToMarkdown', () => {
  it('keeps paragraphs, links, emphasis and line breaks, with entities decoded', () => {
    expect(
      shown('<p>Lovely &mdash; see <a href="https://example.org/n?a=1&amp;b=2" rel="nofollow" title="x">my <em>notes</em></a> &amp; more.</p><p>Line one<br>line two</p>'),
    ).toBe(
      '<p>Lovely — see <a href="https://example.org/n?a=1&#x26;b=2" rel="nofollow ugc noopener noreferrer">my <em>notes</em></a> &#x26; more.</p>\n<p>Line one<br>\nline two</p>',
    );
  });

  it('keeps quotes, lists and code, and text that looks like Markdown stays text', () => {
    const markdown = convertHtmlToMarkdown('<blockquote>quoted</blockquote><ul><li>one</li><li>two</li></ul><p>Use *stars* or [brackets], <code>&lt;pre&gt;</code></p>');
    expect(markdown).toBe('> quoted\n\n- one\n- two\n\nUse \\*stars\\* or \\[brackets], `<pre>`');
    expect(renderCommentBody(markdown).html).toContain('<p>Use *stars* or [brackets], <code>&#x3C;pre></code></p>');
  });

  it('keeps text in any script', () => {
    expect(convertHtmlToMarkdown('<p>Привет, 世界 — «ёлка» &eacute; &#x1F600; مرحبا</p>')).toBe('Привет, 世界 — «ёлка» é 😀 مرحبا');
  });

  it('leaves nothing a browser would run: scripts, event handlers and javascript: links are gone once rendered', () => {
    const html = shown(
      '<p>Nice<script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)" onclick="alert(4)">click</a><style>p{}</style><iframe src="https://evil.example"></iframe></p>',
    );
    expect(html).toBe('<p>Niceclick</p>');
    expect(sanitiserViolations(html)).toEqual([]);
  });

  it('gives nothing for a body with no text', () => {
    expect(convertHtmlToMarkdown('<script>alert(1)</script>')).toBe('');
  });
});

describe('addWordPressParagraphs', () => {
  it('makes blank lines paragraphs and single line breaks <br>, as WordPress shows comments', () => {
    expect(shown(addWordPressParagraphs('One\r\ntwo <strong>bold</strong>\n\n\nThree'))).toBe('<p>One<br>\ntwo <strong>bold</strong></p>\n<p>Three</p>');
  });
});

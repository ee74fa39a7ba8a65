import { describe, expect, it } from 'vitest';
import { countLinks, maxCommentNesting, renderCommentBody } from '@/lib/comments/markdown';
import { pathologicalBodies } from '@/tests/fixtures/comments/pathological-markdown';
import { maxDepthOf, sanitiserViolations } from './rendered-html';

const html = (body: string) => renderCommentBody(body).html;

describe('renderCommentBody', () => {
  it('renders the allowed Markdown subset', () => {
    const rendered = html(
      ['Some *emphasis*, **strong** and `code`.', '', '> quoted', '', '- one', '- two', '', '1. first', '', '```', 'block', '```'].join('\n'),
    );
    expect(rendered).toContain('<p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code</code>.</p>');
    expect(rendered).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(rendered).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(rendered).toContain('<ol>\n<li>first</li>\n</ol>');
    expect(rendered).toContain('<pre><code>block\n</code></pre>');
  });

  it('renders four leading spaces as a code block', () => {
    expect(html('    const shed = build();\n      return shed;')).toBe('<pre><code>const shed = build();\n  return shed;\n</code></pre>');
  });

  it('marks every link nofollow ugc noopener noreferrer', () => {
    expect(html('[site](https://example.com) and <mailto:me@example.com>')).toBe(
      '<p><a href="https://example.com" rel="nofollow ugc noopener noreferrer">site</a> and <a href="mailto:me@example.com" rel="nofollow ugc noopener noreferrer">mailto:me@example.com</a></p>',
    );
  });

  it('shows raw HTML as text and drops scripts, event handlers and images', () => {
    expect(html('<script>alert(1)</script> <b onmouseover="x()">bold</b>\n\n![tracker](https://example.com/t.png)')).toBe(
      '<p>&#x3C;script>alert(1)&#x3C;/script> &#x3C;b onmouseover="x()">bold&#x3C;/b></p>\n<p></p>',
    );
  });

  it('leaves Markdown inside an HTML block as typed', () => {
    expect(html('<script>window["al"+"ert"](1)</script>')).toBe('<p>&#x3C;script>window["al"+"ert"](1)&#x3C;/script></p>');
  });

  it('keeps only the text of links to javascript:, data: and other schemes', () => {
    expect(html('[a](javascript:alert(1)) [*b*](data:text/html,hi) [c](ftp://files.example)')).toBe('<p>a <em>b</em> c</p>');
  });

  it('reduces headings to their text', () => {
    expect(html('# Big title')).toBe('Big title');
  });

  it(`nests quotes ${maxCommentNesting} deep and shows deeper ones as the text that was typed`, () => {
    const rendered = html(`${'>'.repeat(4_000)} word`);
    expect(rendered.match(/<blockquote>/g)).toHaveLength(maxCommentNesting);
    expect(rendered).toContain(`<p>${'>'.repeat(4_000 - maxCommentNesting)} word</p>`);
  });

  it(`nests lists ${maxCommentNesting} deep and shows deeper markers as text`, () => {
    const rendered = html(`${'- '.repeat(2_000)}x`);
    expect(rendered.match(/<ul>/g)).toHaveLength(maxCommentNesting);
    expect(rendered).toContain(`<li>${'- '.repeat(2_000 - maxCommentNesting)}x</li>`);
  });

  it(`nests emphasis ${maxCommentNesting} deep and shows deeper delimiters as text`, () => {
    const rendered = html(`${'*'.repeat(20)}a${'*'.repeat(20)}`);
    expect(rendered).toBe(`<p>${'<strong>'.repeat(maxCommentNesting)}****a****${'</strong>'.repeat(maxCommentNesting)}</p>`);
  });

  it('keeps the text of every line, however it nests', () => {
    const body = Array.from({ length: 12 }, (_, level) => `${'> '.repeat(level + 1)}line ${level}`).join('\n');
    const rendered = html(body);
    for (let level = 0; level < 12; level++) expect(rendered).toContain(`line ${level}`);
    expect(rendered.match(/<blockquote>/g)).toHaveLength(maxCommentNesting);
  });

  it.each(Object.entries(pathologicalBodies))('renders the pathological body "%s" within the caps and the sanitiser’s rules', (_, body) => {
    const rendered = renderCommentBody(body);
    expect(rendered.asPlainText).toBe(false);
    expect(maxDepthOf(rendered.html, ['blockquote', 'ul', 'ol'])).toBeLessThanOrEqual(maxCommentNesting);
    expect(maxDepthOf(rendered.html, ['em', 'strong', 'a'])).toBeLessThanOrEqual(maxCommentNesting);
    expect(sanitiserViolations(rendered.html)).toEqual([]);
  });
});

describe('countLinks', () => {
  it('counts every link shown (inline, reference, autolink) and unused definitions, not bare addresses', () => {
    expect(countLinks('[a](https://a.example) <https://b.example> [c][ref] [d][ref]\n\n[ref]: https://c.example')).toBe(4);
    expect(countLinks('[ref]: https://c.example\n[unused]: https://d.example\n\n[c][ref]')).toBe(2);
    expect(countLinks('see https://example.com')).toBe(0);
  });
});

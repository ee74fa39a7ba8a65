import { describe, expect, it } from 'vitest';
import { shortenAtWord, toPlainText } from '@/lib/blogroll/text';

describe('toPlainText', () => {
  it('removes markup and what scripts and styles hold, decodes entities and collapses whitespace', () => {
    const html = '<script>alert(1)</script><p>Salt &amp; vinegar &mdash; &ldquo;proper&rdquo;</p>\n<style>p{}</style><img src=x onerror="alert(2)"><h2>Served</h2>   in <a href="https://x.example/">paper</a>';
    expect(toPlainText(html, true)).toBe('Salt & vinegar — “proper” Served in paper');
  });

  it('leaves plain text alone apart from whitespace, even when it looks like markup', () => {
    expect(toPlainText('  a <b> c\n\td &amp; ', false)).toBe('a <b> c d &amp;');
  });
});

describe('shortenAtWord', () => {
  it('keeps text of up to 256 characters whole', () => {
    const text = 'word '.repeat(51).trim();
    expect(text).toHaveLength(254);
    expect(shortenAtWord(text)).toBe(text);
  });

  it('cuts longer text at the last word boundary before 256 characters and adds an ellipsis', () => {
    const text = `${'abcdefghi '.repeat(25)}consequentially, the end.`;
    const short = shortenAtWord(text);
    expect(short).toBe(`${'abcdefghi '.repeat(25).trim()}…`);
    expect(short.length).toBeLessThanOrEqual(257);
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    expect(shortenAtWord('One, two, three, four, five.', 10)).toBe('One, two…');
  });

  it('cuts inside a word only when there is no space to cut at', () => {
    expect(shortenAtWord('x'.repeat(300))).toBe(`${'x'.repeat(256)}…`);
  });
});

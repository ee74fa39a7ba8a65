import { describe, expect, it, vi } from 'vitest';

// Stands for any failure inside the Markdown library, such as one a future upgrade could bring.
vi.mock('markdown-it', async (importOriginal) => {
  const { default: MarkdownIt } = await importOriginal<typeof import('markdown-it')>();
  return {
    default: class extends MarkdownIt {
      override parse(): never {
        throw new RangeError('Maximum call stack size exceeded');
      }
    },
  };
});

const { countLinks, renderCommentBody } = await import('@/lib/comments/markdown');

describe('a comment the Markdown renderer fails on', () => {
  it('is shown as escaped plain text, line breaks kept, and flagged for the blogger', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(renderCommentBody('Hello <script>alert("x")</script> & *you*\nsecond line')).toEqual({
      html: '<p>Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *you*<br>\nsecond line</p>',
      asPlainText: true,
    });
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/could not be rendered/), expect.any(RangeError));
  });

  it('counts as having too many links, so that it waits for moderation', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(countLinks('[a](https://a.example)')).toBe(Number.POSITIVE_INFINITY);
  });
});

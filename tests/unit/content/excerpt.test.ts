import { describe, expect, it } from 'vitest';
import { truncateAtWord } from '@/lib/content/excerpt';

describe('truncateAtWord', () => {
  it('leaves text that fits alone', () => {
    expect(truncateAtWord('Short enough.', 20)).toBe('Short enough.');
  });

  it('cuts at the last whole word that fits, without trailing punctuation', () => {
    expect(truncateAtWord('One two three, four five six', 17)).toBe('One two three…');
  });

  it('cuts text without spaces between words at a word, not mid-character', () => {
    const text = '東京の庭で小屋を建てる前にスケッチした話';
    const cut = truncateAtWord(text, 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

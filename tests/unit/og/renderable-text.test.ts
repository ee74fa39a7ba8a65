import { describe, expect, it } from 'vitest';
import { getCardFonts } from '@/lib/og/fonts';
import { renderableText } from '@/lib/og/renderable-text';

describe('renderableText', async () => {
  const faces = (await getCardFonts()).facesFor('Noto Serif');

  it('keeps Latin, Cyrillic, Greek and typographic punctuation', () => {
    const text = 'Café — «сарай» & Σημειώσεις… “quoted”';
    expect(renderableText(text, faces)).toBe(text);
  });

  it('drops what no bundled font can draw, and keeps the base of a sequence it cannot', () => {
    expect(renderableText('Ship it 🚀 today', faces)).toBe('Ship it today');
    expect(renderableText('庭の小屋', faces)).toBe('');
    expect(renderableText('Step 1️⃣', faces)).toBe('Step 1');
  });

  it('composes decomposed accents so the accented letter survives', () => {
    expect(renderableText('Cafe\u0301', faces)).toBe('Café');
  });
});

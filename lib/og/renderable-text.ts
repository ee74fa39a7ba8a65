import type { Font } from 'opentype.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function hasGlyph(face: Font, character: string): boolean {
  return face.charToGlyphIndex(character) > 0;
}

/**
 * Keeps the characters the bundled fonts can draw. Satori fetches fonts and emoji
 * from the internet for anything else (and throws when it cannot), and a build
 * must never touch the network. Like satori, a grapheme belongs to the first face
 * that has its first code point and needs every code point from that face; when it
 * does not, its base character alone is kept, and failing that it is dropped.
 */
export function renderableText(text: string, faces: Font[]): string {
  let kept = '';
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    if (/^\s+$/u.test(segment)) {
      kept += ' ';
      continue;
    }
    const codePoints = [...segment];
    const base = codePoints[0] ?? '';
    const face = faces.find((candidate) => hasGlyph(candidate, base));
    if (!face) continue;
    kept += codePoints.every((character) => hasGlyph(face, character)) ? segment : base;
  }
  return kept.replace(/\s+/g, ' ').trim();
}

import { describe, expect, it } from 'vitest';
import { highlight, quote, type HighlightedText } from '@/lib/search/highlight';

const asText = (runs: HighlightedText) => runs.map((run) => (run.marked ? `[${run.text}]` : run.text)).join('');
const words = (count: number, word = 'filler') => Array.from({ length: count }, (_, at) => `${word}${at}`).join(' ');

describe('highlight', () => {
  it('marks whole words whose folded form was matched, as the text spells them', () => {
    expect(asText(highlight('Crème brûlée, CAFÉ and cafés', new Set(['creme', 'cafe'])))).toBe('[Crème] brûlée, [CAFÉ] and cafés');
  });

  it('keeps markup-looking text as text, for React to escape', () => {
    expect(highlight('<b>shed</b>', new Set(['shed']))).toEqual([
      { text: '<b>', marked: false },
      { text: 'shed', marked: true },
      { text: '</b>', marked: false },
    ]);
  });
});

describe('quote', () => {
  it('quotes the whole of a short text, line breaks as spaces', () => {
    expect(asText(quote('A level base.\nPaving slabs on gravel.', new Set(['slabs']), { wanted: 1 }))).toBe('A level base. Paving [slabs] on gravel.');
  });

  it('quotes about thirty words around the first passage holding every term sought, with ellipses where it cuts', () => {
    const text = `${words(100)} roof ${words(100, 'more')} door and roof together ${words(100, 'after')}`;
    const quoted = asText(quote(text, new Set(['roof', 'door']), { wanted: 2 }));
    expect(quoted).toMatch(/^… .*\[door\] and \[roof\] together .* …$/);
    expect(quoted.split(' ').length).toBeLessThanOrEqual(34);
  });

  it('settles for the passage holding most terms when none holds them all', () => {
    const text = `${words(80)} roof ${words(80, 'gap')} door felt ${words(80, 'end')}`;
    expect(asText(quote(text, new Set(['roof', 'door', 'felt']), { wanted: 3 }))).toContain('[door] [felt]');
  });

  it('quotes from the word given, where a phrase was found', () => {
    const text = `${words(50)} plain text ${words(50, 'later')} plain text again`;
    expect(asText(quote(text, new Set(['plain', 'text']), { wanted: 2, near: 50 }))).toMatch(/^… filler\d+ .*\[plain\] \[text\] later0/);
  });

  it('quotes the opening words when no term is in the text', () => {
    expect(asText(quote(words(100), new Set(['absent']), { wanted: 1 }))).toBe(`${words(30)} …`);
  });
});

import { foldTerm, wordsWithOffsets } from './terms';

/** Text cut into runs, the matched words marked: rendered as text and `<mark>`, never as HTML. */
export type HighlightedText = { text: string; marked: boolean }[];

type Word = { start: number; end: number; matched: boolean };

function toRuns(text: string, words: Word[], start: number, end: number): HighlightedText {
  const runs: HighlightedText = [];
  let at = start;
  for (const word of words) {
    if (!word.matched || word.start < start || word.end > end) continue;
    if (word.start > at) runs.push({ text: text.slice(at, word.start), marked: false });
    runs.push({ text: text.slice(word.start, word.end), marked: true });
    at = word.end;
  }
  if (end > at) runs.push({ text: text.slice(at, end), marked: false });
  return runs;
}

/** The whole text with every word whose folded form is one of `terms` marked. */
export function highlight(text: string, terms: ReadonlySet<string>): HighlightedText {
  const words = [...wordsWithOffsets(text)].map(({ word, start, end }) => ({ start, end, matched: terms.has(foldTerm(word)) }));
  return toRuns(text, words, 0, text.length);
}

// Enough to find a passage that holds the words sought, without reading a long post to its end.
const wordsScanned = 20_000;

export interface QuoteOptions {
  /** How many different terms a passage needs to be the one quoted. */
  wanted: number;
  /** The word to quote from, when it is known (where a phrase was found). */
  near?: number;
  length?: number;
}

/**
 * About `length` words of the text from `near`, else around the first passage that holds `wanted`
 * different terms of `terms` (else the one that holds most), those marked; the opening words when
 * no term is there (the post matched by its title or tags). Line breaks between blocks read as spaces.
 */
export function quote(text: string, terms: ReadonlySet<string>, { wanted, near, length = 30 }: QuoteOptions): HighlightedText {
  const words: (Word & { term: string })[] = [];
  // One reader for every loop below: a for…of would close it on leaving the first.
  const reader = wordsWithOffsets(text);
  const readWord = () => {
    const next = reader.next();
    if (next.done) return undefined;
    const term = foldTerm(next.value.word);
    const word = { start: next.value.start, end: next.value.end, matched: terms.has(term), term };
    words.push(word);
    return word;
  };
  const folded = foldTerm(text);
  const present = [...terms].filter((term) => folded.includes(term)).length;
  let best = { first: 0, last: 0, distinct: 0 };
  if (near !== undefined) {
    while (words.length <= near && readWord());
    if (words.length > near) best = { first: near, last: near, distinct: 1 };
  } else if (present > 0) {
    const matches: number[] = [];
    for (let word = readWord(); word; word = readWord()) {
      if (word.matched) {
        const at = words.length - 1;
        matches.push(at);
        let from = matches.length - 1;
        while (from > 0 && (matches[from - 1] ?? 0) > at - length) from--;
        const distinct = new Set(matches.slice(from).map((index) => words[index]?.term)).size;
        if (distinct > best.distinct) best = { first: matches[from] ?? 0, last: at, distinct };
        if (distinct >= Math.min(wanted, present)) break;
      }
      if (words.length >= wordsScanned) break;
    }
  }
  // A little context before the passage, unless it starts near the beginning.
  const first = best.last < length ? 0 : Math.max(best.last + 1 - length, best.first - Math.floor(length / 5));
  while (words.length < first + length && readWord());
  const last = Math.min(words.length, first + length) - 1;
  const start = first === 0 ? 0 : (words[first]?.start ?? 0);
  const end = last + 1 < first + length ? text.length : (words[last]?.end ?? text.length);
  const runs = toRuns(text, words, start, end).map((run) => ({ ...run, text: run.text.replace(/\s*\n\s*/g, ' ') }));
  if (start > 0) runs.unshift({ text: '… ', marked: false });
  if (end < text.length) runs.push({ text: ' …', marked: false });
  return runs;
}

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
 * The number of the word to quote from: a little before the first passage of `length` words that
 * holds `wanted` different terms (else the one that holds most), or 0 when no term is in the text.
 */
function findPassage(text: string, terms: ReadonlySet<string>, wanted: number, length: number): number {
  const folded = foldTerm(text);
  const present = [...terms].filter((term) => folded.includes(term)).length;
  if (present === 0) return 0;
  const matches: { at: number; term: string }[] = [];
  let best = { first: 0, last: 0, distinct: 0 };
  let at = 0;
  for (const { word } of wordsWithOffsets(text)) {
    const term = foldTerm(word);
    if (terms.has(term)) {
      matches.push({ at, term });
      let from = matches.length - 1;
      while (from > 0 && (matches[from - 1]?.at ?? 0) > at - length) from--;
      const distinct = new Set(matches.slice(from).map((match) => match.term)).size;
      if (distinct > best.distinct) best = { first: matches[from]?.at ?? 0, last: at, distinct };
      if (distinct >= Math.min(wanted, present)) break;
    }
    if (++at >= wordsScanned) break;
  }
  return best.last < length ? 0 : Math.max(best.last + 1 - length, best.first - Math.floor(length / 5));
}

/** `length` words from word number `first`, the matched ones marked, with ellipses where the text goes on. */
function passage(text: string, terms: ReadonlySet<string>, first: number, length: number): HighlightedText {
  const words: Word[] = [];
  let at = 0;
  for (const { word, start, end } of wordsWithOffsets(text)) {
    // Words before the passage are only counted.
    if (at++ < first) continue;
    words.push({ start, end, matched: terms.has(foldTerm(word)) });
    if (words.length === length) break;
  }
  if (words.length === 0) return first > 0 ? passage(text, terms, 0, length) : [{ text, marked: false }];
  const start = first === 0 ? 0 : (words[0]?.start ?? 0);
  const end = words.length < length ? text.length : (words.at(-1)?.end ?? text.length);
  const runs = toRuns(text, words, start, end).map((run) => ({ ...run, text: run.text.replace(/\s*\n\s*/g, ' ') }));
  if (start > 0) runs.unshift({ text: '… ', marked: false });
  if (end < text.length) runs.push({ text: ' …', marked: false });
  return runs;
}

/**
 * About `length` words of the text from `near`, else around the first passage that holds `wanted`
 * different terms of `terms` (else the one that holds most), those marked; the opening words when
 * no term is there (the post matched by its title or tags). Line breaks between blocks read as spaces.
 */
export function quote(text: string, terms: ReadonlySet<string>, { wanted, near, length = 30 }: QuoteOptions): HighlightedText {
  const first = near === undefined ? findPassage(text, terms, wanted, length) : near < length / 2 ? 0 : near - Math.floor(length / 5);
  return passage(text, terms, first, length);
}

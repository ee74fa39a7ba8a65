import { foldTerm, indexTerm, tokenize } from './terms';

/** Longer queries are cut: no reader types more, and every word costs a lookup. */
export const maxQueryLength = 200;
const maxWords = 12;

export interface ParsedQuery {
  /** The query as searched: shown back in the form and the title, cut and cleaned. */
  text: string;
  /** Words to find anywhere in a post, folded, without repeats or words too common to index. */
  words: string[];
  /** Quoted phrases, each as its folded words in order, common words kept. */
  phrases: string[][];
}

const quotes = /["“”„«»]/u;
const quotedPhrase = /["“”„«»]([^"“”„«»]*)["“”„«»]/gu;
// Control and formatting characters (and halves of broken surrogate pairs) are never part of a word.
const invisible = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]+/gu;

/** The first value of the `q` parameter, whatever shape the address gave it. */
function firstValue(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && typeof raw[0] === 'string') return raw[0];
  return '';
}

function cleanQuery(raw: string): string {
  // Bounded before the expressions run: a hostile query may be megabytes long.
  const cleaned = raw.slice(0, maxQueryLength * 2).replace(invisible, ' ').replace(/\s+/gu, ' ').trim();
  return [...cleaned].slice(0, maxQueryLength).join('').trim();
}

/** Reads a search query typed by anyone: never throws, whatever arrives. */
export function parseQuery(raw: unknown): ParsedQuery {
  const text = cleanQuery(firstValue(raw));
  const phrases = [...text.matchAll(quotedPhrase)]
    .map((match) => tokenize(match[1] ?? '').map(foldTerm))
    .filter((phrase) => phrase.length > 0);
  const loose = text.replace(quotedPhrase, ' ').replace(quotes, ' ');
  const words = [...new Set(tokenize(loose).map(indexTerm))].filter((term): term is string => term !== null).slice(0, maxWords);
  return { text, words, phrases };
}

/** Whether the query has anything the index can look up: a query of only punctuation or common words has not. */
export function isSearchable(query: ParsedQuery): boolean {
  return query.words.length > 0 || query.phrases.some((phrase) => phrase.some((word) => indexTerm(word) !== null));
}

/** A page number from the address: a positive whole number, else the first page. */
export function parsePageNumber(raw: unknown): number {
  const page = Number(firstValue(raw));
  return Number.isSafeInteger(page) && page > 0 ? page : 1;
}

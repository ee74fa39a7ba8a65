import type { Query, QueryCombination, SearchResult } from 'minisearch';
import { highlight, quote, type HighlightedText } from './highlight';
import type { ParsedQuery } from './parse-query';
import { findPhrase, numberPhrase, type NumberedPhrase } from './positions';
import type { SearchDocument, SearchIndex } from './search-index';
import { indexTerm } from './terms';
import siteConfig from '@/site.config';


// Titles and tags say what a post is about; a word in them counts for more than one in the body.
const boost = { title: 4, tags: 3, description: 1.5, text: 1 };

export interface SearchHit extends Omit<SearchDocument, 'title'> {
  title: HighlightedText;
  snippet: HighlightedText;
}

export interface SearchResults {
  /** Posts found, on every page. */
  total: number;
  /** The place of the first post shown among them, from 1. */
  first: number;
  /** The page shown, within 1…pages. */
  page: number;
  pages: number;
  hits: SearchHit[];
  /** No post had every word, so these have some of them. */
  someWords: boolean;
}

/**
 * Typo tolerance only for words of five letters or more, one edit (two from nine letters): shorter
 * words have too many neighbours, and each neighbour is one more list of posts to score.
 */
function typosAllowed(word: string): number | false {
  if (word.length >= 9) return 2;
  return word.length >= 5 ? 1 : false;
}

/** Words sought anywhere: "migrat" finds "migration" (from three letters, or two for the word being typed). */
function wordQuery(word: string, index: number, words: string[]): Query {
  const typed = index === words.length - 1;
  return { queries: [word], prefix: word.length >= 3 || (typed && word.length >= 2), fuzzy: typosAllowed(word) };
}

function buildQuery(query: ParsedQuery, combineWords: 'AND' | 'OR'): Query {
  const phrases = query.phrases.map((phrase): QueryCombination => ({
    queries: phrase.filter((word) => indexTerm(word) !== null),
    combineWith: 'AND',
    prefix: false,
    fuzzy: false,
  }));
  const words: QueryCombination[] = query.words.length > 0 ? [{ queries: query.words.map(wordQuery), combineWith: combineWords }] : [];
  return { queries: [...words, ...phrases].filter((part) => part.queries.length > 0), combineWith: 'AND' };
}

function findPosts(index: SearchIndex, query: ParsedQuery, phrases: (NumberedPhrase | undefined)[], combineWords: 'AND' | 'OR'): SearchResult[] {
  if (phrases.includes(undefined)) return [];
  const results = index.miniSearch.search(buildQuery(query, combineWords), { boost });
  const numbered = phrases as NumberedPhrase[];
  if (numbered.length === 0) return results;
  return results.filter((result) => numbered.every((phrase) => findPhrase(index.positions, result.id as number, phrase) >= 0));
}

function toHit(index: SearchIndex, query: ParsedQuery, phrase: NumberedPhrase | undefined, result: SearchResult): SearchHit {
  const id = result.id as number;
  const document = index.documents[id];
  if (!document) throw new Error(`The search index has no post ${id}`);
  const terms = new Set([...result.terms, ...query.phrases.flat().filter((word) => indexTerm(word) !== null)]);
  const near = phrase ? findPhrase(index.positions, id, phrase) : -1;
  const snippet = quote(index.readText(id), terms, { wanted: new Set(result.queryTerms).size, near: near >= 0 ? near : undefined });
  return { ...document, title: highlight(document.title, terms), snippet };
}

/** One page of the posts that match a searchable query, best first, each with a quoted passage. */
export function searchPosts(index: SearchIndex, query: ParsedQuery, page: number, resultsPerPage: number = siteConfig.searchResultsPerPage): SearchResults {
  const phrases = query.phrases.map((phrase) => numberPhrase(index.positions, phrase));
  let results = findPosts(index, query, phrases, 'AND');
  const someWords = results.length === 0 && query.words.length > 1;
  if (someWords) results = findPosts(index, query, phrases, 'OR');
  const pages = Math.max(1, Math.ceil(results.length / resultsPerPage));
  const shown = Math.min(page, pages);
  const onPage = results.slice((shown - 1) * resultsPerPage, shown * resultsPerPage);
  return {
    total: results.length,
    first: (shown - 1) * resultsPerPage + 1,
    page: shown,
    pages,
    hits: onPage.map((result) => toHit(index, query, phrases[0], result)),
    someWords,
  };
}

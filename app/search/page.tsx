import type { Metadata } from 'next';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { isSearchable, maxQueryLength, parsePageNumber, parseQuery, type ParsedQuery } from '@/lib/search/parse-query';
import { searchPosts, type SearchResults as Results } from '@/lib/search/search-posts';
import { getSearchIndex } from '@/lib/search/site-index';

interface SearchPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: SearchPageProps): Promise<Metadata> {
  const { text } = parseQuery((await searchParams).q);
  // Result pages are endless and say nothing a post page does not: kept out of search engines.
  return { title: text ? `Search: ${text}` : 'Search', robots: { index: false, follow: true } };
}

async function findResults(query: ParsedQuery, page: number): Promise<Results | 'unavailable'> {
  try {
    return searchPosts(await getSearchIndex(), query, page);
  } catch (error) {
    console.error('Search failed:', error);
    return 'unavailable';
  }
}

export default async function SearchPage({ searchParams }: SearchPageProps) {
  const params = await searchParams;
  const query = parseQuery(params.q);
  const results = isSearchable(query) ? await findResults(query, parsePageNumber(params.page)) : undefined;
  return (
    <>
      <header className="page-header">
        <h1>Search</h1>
      </header>
      <SearchForm query={query.text} maxLength={maxQueryLength} />
      {results === 'unavailable' ? (
        <p role="status">Search is not available at the moment. The archive and the tags list every post.</p>
      ) : results ? (
        <SearchResults query={query.text} results={results} />
      ) : (
        <p role="status">
          {query.text ? 'There is no word to search for in that. ' : null}
          Type a word or two, or put a phrase in quotes: &quot;plain text&quot;. Accents and capitals do not matter, and a
          word&apos;s beginning finds the whole word.
        </p>
      )}
    </>
  );
}

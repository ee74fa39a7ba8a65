import { maxQueryLength } from '@/lib/search/parse-query';

/** The header's search box: a plain GET form, so it works before and without any script. */
export function SiteSearch() {
  return (
    <form action="/search" role="search" aria-label="Site search" className="site-search">
      <label htmlFor="site-search-query" className="sr-only">
        Search posts
      </label>
      <input id="site-search-query" type="search" name="q" maxLength={maxQueryLength} placeholder="Search" />
      <button type="submit">Search</button>
    </form>
  );
}

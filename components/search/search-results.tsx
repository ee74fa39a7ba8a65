import Link from 'next/link';
import { formatPostDate } from '@/lib/content/dates';
import { tagSlug } from '@/lib/content/tags';
import type { SearchResults as Results } from '@/lib/search/search-posts';
import { IndexLink } from '../index-link';
import { HighlightedText } from './highlighted-text';

/** The query as the reader typed it, in quotation marks unless it brings its own. */
function quoted(query: string): string {
  return /["“”„«»]/u.test(query) ? query : `“${query}”`;
}

function pageHref(query: string, page: number): string {
  return `/search?${new URLSearchParams(page > 1 ? { q: query, page: String(page) } : { q: query })}`;
}

function ResultPages({ query, page, pages }: { query: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav className="search-pages" aria-label="Result pages">
      {page > 1 ? (
        <IndexLink href={pageHref(query, page - 1)} rel="prev">
          Previous page
        </IndexLink>
      ) : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <IndexLink href={pageHref(query, page + 1)} rel="next">
          Next page
        </IndexLink>
      ) : null}
    </nav>
  );
}

/** One page of results: best match first, each with its date, tags and the passage that matched. */
export function SearchResults({ query, results }: { query: string; results: Results }) {
  const { total, first, page, pages, hits, someWords } = results;
  return (
    <section aria-labelledby="search-summary">
      <p id="search-summary" role="status" className="search-summary">
        {total === 0
          ? `No post matches ${quoted(query)}.`
          : `${total} ${total === 1 ? 'post matches' : 'posts match'} ${quoted(query)}${pages > 1 ? `, page ${page} of ${pages}` : ''}.`}
        {someWords && total > 0 ? ' None has every word: these have some of them.' : null}
      </p>
      {total === 0 ? <p>Try fewer words, or another spelling.</p> : null}
      <ol className="post-list search-results" start={first} hidden={total === 0}>
        {hits.map((hit) => (
          <li key={hit.slug}>
            <article>
              <h2 className="post-list-title">
                <Link href={`/blog/${hit.slug}`}>
                  <HighlightedText runs={hit.title} />
                </Link>
              </h2>
              <p className="post-list-meta">
                <time dateTime={hit.date}>{formatPostDate(hit.date)}</time>
                {hit.tags.map((tag) => (
                  <span key={tag}>
                    {' · '}
                    <IndexLink href={`/tags/${tagSlug(tag)}`} rel="tag">
                      {tag}
                    </IndexLink>
                  </span>
                ))}
              </p>
              <p className="search-snippet">
                <HighlightedText runs={hit.snippet} />
              </p>
            </article>
          </li>
        ))}
      </ol>
      <ResultPages query={query} page={page} pages={pages} />
    </section>
  );
}

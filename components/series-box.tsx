import Link from 'next/link';
import type { SeriesPlace } from '@/lib/content/series';
import { IndexLink } from './index-link';

/** "Part 2 of 4 in …": every part of the post's series, this one marked, and the parts either side. */
export function SeriesBox({ place }: { place: SeriesPlace }) {
  const { series, index, previous, next } = place;
  return (
    <nav className="series-box" aria-labelledby="series-box-title">
      <p id="series-box-title" className="series-box-title">
        Part {index + 1} of {series.parts.length} in <IndexLink href={`/series/${series.slug}`}>{series.name}</IndexLink>
      </p>
      <ol className="series-box-parts">
        {series.parts.map((part, at) =>
          at === index ? (
            <li key={part.slug}>
              <span aria-current="page">{part.title}</span>
            </li>
          ) : (
            <li key={part.slug}>
              <Link href={`/blog/${part.slug}`}>{part.title}</Link>
            </li>
          ),
        )}
      </ol>
      {previous || next ? (
        <p className="series-box-nav">
          {previous ? (
            <Link href={`/blog/${previous.slug}`}>
              <span className="post-nav-label">Previous part</span> {previous.title}
            </Link>
          ) : null}
          {next ? (
            <Link href={`/blog/${next.slug}`} className="series-box-next">
              <span className="post-nav-label">Next part</span> {next.title}
            </Link>
          ) : null}
        </p>
      ) : null}
    </nav>
  );
}

import type { Metadata } from 'next';
import { IndexLink } from '@/components/index-link';
import { getAllSeries } from '@/lib/content/series';
import { pageAlternates } from '@/lib/share/feeds';

export const metadata: Metadata = { title: 'Series', alternates: pageAlternates('/series') };

export default async function SeriesIndexPage() {
  const allSeries = await getAllSeries();
  return (
    <>
      <header className="page-header">
        <h1>Series</h1>
      </header>
      {allSeries.length > 0 ? (
        <ul className="tag-list">
          {allSeries.map((series) => (
            <li key={series.slug}>
              <IndexLink href={`/series/${series.slug}`}>{series.name}</IndexLink>{' '}
              <span className="count">
                ({series.parts.length} {series.parts.length === 1 ? 'part' : 'parts'})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>No series yet.</p>
      )}
    </>
  );
}

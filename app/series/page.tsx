import type { Metadata } from 'next';
import { CountList } from '@/components/count-list';
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
        <CountList entries={allSeries.map((series) => ({ href: `/series/${series.slug}`, name: series.name, count: series.parts.length }))} unit={['part', 'parts']} />
      ) : (
        <p>No series yet.</p>
      )}
    </>
  );
}

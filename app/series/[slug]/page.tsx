import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostList } from '@/components/post-list';
import { getAllSeries, getSeries } from '@/lib/content/series';
import { pageAlternates, seriesFeedLink } from '@/lib/share/feeds';

interface SeriesPageProps {
  params: Promise<{ slug: string }>;
}

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getAllSeries()).map((series) => ({ slug: series.slug }));
}

export async function generateMetadata({ params }: SeriesPageProps): Promise<Metadata> {
  const series = await getSeries((await params).slug);
  if (!series) return {};
  return { title: series.name, alternates: pageAlternates(`/series/${series.slug}`, [seriesFeedLink(series)]) };
}

export default async function SeriesPage({ params }: SeriesPageProps) {
  const series = await getSeries((await params).slug);
  if (!series) notFound();
  return (
    <>
      <header className="page-header">
        <h1>{series.name}</h1>
        <p className="lede">A series in {series.parts.length} {series.parts.length === 1 ? 'part' : 'parts'}, in reading order.</p>
      </header>
      <PostList posts={series.parts} />
    </>
  );
}

import { getAllPosts, type PostSummary } from './posts';
import { groupSeries, type SeriesGroup } from './series-order';

export type Series = SeriesGroup<PostSummary>;

/** Every series with a visible part, A to Z, each with its visible parts in reading order. */
export async function getAllSeries(): Promise<Series[]> {
  return groupSeries(await getAllPosts());
}

export async function getSeries(slug: string): Promise<Series | undefined> {
  return (await getAllSeries()).find((series) => series.slug === slug);
}

export interface SeriesPlace {
  series: Series;
  /** From 0. */
  index: number;
  previous?: PostSummary;
  next?: PostSummary;
}

/** Where a post stands in its series, if it is in one. */
export async function getSeriesPlace(slug: string): Promise<SeriesPlace | undefined> {
  for (const series of await getAllSeries()) {
    const index = series.parts.findIndex((part) => part.slug === slug);
    if (index !== -1) return { series, index, previous: series.parts[index - 1], next: series.parts[index + 1] };
  }
  return undefined;
}

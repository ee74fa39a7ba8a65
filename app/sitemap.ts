import type { MetadataRoute } from 'next';
import { lastModified } from '@/lib/content/last-modified';
import { getAllPosts } from '@/lib/content/posts';
import { getAllSeries } from '@/lib/content/series';
import { getAllTags } from '@/lib/content/tags';
import { absoluteUrl } from '@/lib/share/urls';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const posts = await getAllPosts();
  const tags = await getAllTags();
  const allSeries = await getAllSeries();
  const newest = lastModified(posts);
  return [
    { url: absoluteUrl('/'), lastModified: newest },
    { url: absoluteUrl('/archive'), lastModified: newest },
    { url: absoluteUrl('/tags'), lastModified: newest },
    ...posts.map((post) => ({ url: absoluteUrl(`/blog/${post.slug}`), lastModified: lastModified([post]) })),
    ...tags.map((tag) => ({ url: absoluteUrl(`/tags/${tag.slug}`), lastModified: lastModified(tag.posts) })),
    ...(allSeries.length > 0 ? [{ url: absoluteUrl('/series'), lastModified: lastModified(allSeries.flatMap((series) => series.parts)) }] : []),
    ...allSeries.map((series) => ({ url: absoluteUrl(`/series/${series.slug}`), lastModified: lastModified(series.parts) })),
  ];
}

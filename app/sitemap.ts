import type { MetadataRoute } from 'next';
import { getAllPosts, type PostSummary } from '@/lib/content/posts';
import { getAllTags } from '@/lib/content/tags';
import { absoluteUrl } from '@/lib/share/urls';

function lastModified(posts: PostSummary[]): string | undefined {
  return posts.map((post) => post.updated ?? post.date).sort().at(-1);
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const posts = await getAllPosts();
  const tags = await getAllTags();
  const newest = lastModified(posts);
  return [
    { url: absoluteUrl('/'), lastModified: newest },
    { url: absoluteUrl('/archive'), lastModified: newest },
    { url: absoluteUrl('/tags'), lastModified: newest },
    ...posts.map((post) => ({ url: absoluteUrl(`/blog/${post.slug}`), lastModified: lastModified([post]) })),
    ...tags.map((tag) => ({ url: absoluteUrl(`/tags/${tag.slug}`), lastModified: lastModified(tag.posts) })),
  ];
}

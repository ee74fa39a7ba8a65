import { slug as slugify } from 'github-slugger';
import { getAllPosts, type PostSummary } from './posts';

export interface Tag {
  name: string;
  slug: string;
  posts: PostSummary[];
}

export function tagSlug(name: string): string {
  return slugify(name);
}

/** Every tag in use, alphabetical, each with its posts newest first. */
export async function getAllTags(): Promise<Tag[]> {
  const tags = new Map<string, Tag>();
  for (const post of await getAllPosts()) {
    for (const name of post.tags) {
      const slug = tagSlug(name);
      const tag = tags.get(slug) ?? { name, slug, posts: [] };
      tag.posts.push(post);
      tags.set(slug, tag);
    }
  }
  return [...tags.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export async function getTag(slug: string): Promise<Tag | undefined> {
  return (await getAllTags()).find((tag) => tag.slug === slug);
}

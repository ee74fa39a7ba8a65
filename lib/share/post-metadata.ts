import type { Metadata } from 'next';
import type { BlogPosting, WithContext } from 'schema-dts';
import { truncateAtWord } from '@/lib/content/excerpt';
import type { Post } from '@/lib/content/posts';
import { postCardAlt, postCardPath } from '@/lib/og/paths';
import siteConfig from '@/site.config';
import { pageAlternates, postCommentFeedLink } from './feeds';
import { absoluteUrl } from './urls';

/** Link previews cut descriptions around this length. */
const descriptionLength = 160;

/** The frontmatter description, else the start of the first paragraph. */
export function describePost(post: Pick<Post, 'description' | 'firstParagraph'>): string {
  return post.description ?? truncateAtWord(post.firstParagraph, descriptionLength);
}

/** Everything a link preview reads from a post's `<head>`; the card itself comes from `opengraph-image`. */
export function postMetadata(post: Post): Metadata {
  const path = `/blog/${post.slug}`;
  const description = describePost(post);
  return {
    title: post.title,
    description,
    alternates: pageAlternates(path, [postCommentFeedLink(post)]),
    openGraph: {
      type: 'article',
      url: path,
      title: post.title,
      description,
      siteName: siteConfig.title,
      locale: siteConfig.language,
      publishedTime: post.date,
      modifiedTime: post.updated ?? post.date,
      authors: [siteConfig.author.url],
      tags: post.tags,
    },
    // The Open Graph card serves X too: one image route per post instead of two identical ones.
    twitter: { card: 'summary_large_image', title: post.title, description, images: [{ url: postCardPath(post.slug), alt: postCardAlt }] },
  };
}

export function blogPostingJsonLd(post: Post): WithContext<BlogPosting> {
  const url = absoluteUrl(`/blog/${post.slug}`);
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: describePost(post),
    url,
    mainEntityOfPage: url,
    datePublished: post.date,
    dateModified: post.updated ?? post.date,
    author: { '@type': 'Person', name: siteConfig.author.name, url: siteConfig.author.url },
    publisher: { '@type': 'Person', name: siteConfig.author.name, url: siteConfig.author.url },
    image: absoluteUrl(postCardPath(post.slug)),
    keywords: post.tags.join(', '),
    wordCount: post.words,
    inLanguage: siteConfig.language,
  };
}

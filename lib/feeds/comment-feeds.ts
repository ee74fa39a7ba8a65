import type { Comment } from '@/lib/comments/comment-store';
import { renderCommentBody } from '@/lib/comments/markdown';
import { getLatestComments, getPostComments } from '@/lib/comments/read';
import { getPostSummary } from '@/lib/content/posts';
import { postCommentFeedLink, siteCommentFeed } from '@/lib/share/feeds';
import { absoluteUrl, postUrl } from '@/lib/share/urls';
import type { Feed, FeedItem } from './build-feed';

/** Comments in the blog-wide comment feed. */
export const siteCommentFeedSize = 50;

/** Characters XML 1.0 cannot carry (a reader may type U+FFFF); one of them would make the whole feed unreadable. */
const notXmlText = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const toXmlText = (text: string) => text.replace(notXmlText, '\uFFFD');

/** One comment as a feed entry: its author as they signed it (never their email), its body as the post page shows it. */
function toCommentItem(comment: Comment, postTitle: string): FeedItem {
  const authorName = toXmlText(comment.authorName);
  return {
    url: `${postUrl(comment.postSlug)}#comment-${comment.id}`,
    title: `${authorName} on “${postTitle}”`,
    content: toXmlText(renderCommentBody(comment.body).html),
    published: comment.createdAt,
    updated: comment.editedAt ?? comment.createdAt,
    tags: [],
    author: { name: authorName, url: comment.authorUrl ?? undefined },
  };
}

function newestUpdate(items: FeedItem[]): Date | undefined {
  return items.reduce<Date | undefined>((newest, item) => (newest && newest >= item.updated ? newest : item.updated), undefined);
}

/** A post's approved comments, newest first; undefined for a slug that is no post. */
export async function getPostCommentFeed(slug: string): Promise<Feed | undefined> {
  const post = await getPostSummary(slug);
  if (!post) return undefined;
  const items = (await getPostComments(slug)).toReversed().map((comment) => toCommentItem(comment, post.title));
  const { path, title } = postCommentFeedLink(post);
  return { id: absoluteUrl(path), title, link: `${postUrl(slug)}#comments`, feedLinks: { atom: absoluteUrl(path) }, updated: newestUpdate(items), items };
}

/** The blog's latest approved comments, newest first, on posts that are still published. */
export async function getSiteCommentFeed(): Promise<Feed> {
  const items: FeedItem[] = [];
  for (const comment of await getLatestComments(siteCommentFeedSize)) {
    const post = await getPostSummary(comment.postSlug);
    if (post) items.push(toCommentItem(comment, post.title));
  }
  const { path, title } = siteCommentFeed;
  return { id: absoluteUrl(path), title, link: absoluteUrl('/'), feedLinks: { atom: absoluteUrl(path) }, updated: newestUpdate(items), items };
}

import { type CommentsExport, type ExportedComment, type ExportedState, type ExportedThread, readExportedDate, requireId } from './exported-comments';
import { addWordPressParagraphs } from './html-to-markdown';
import { childNamed, childrenNamed, textOf, type XmlElement } from './xml-tree';

/** `wp:comment_approved`; a state WordPress may add later waits for the blogger, as pending. */
const states: Record<string, ExportedState> = { '1': 'approved', '0': 'pending', spam: 'spam', trash: 'deleted', 'post-trashed': 'deleted' };

/** WordPress writes `YYYY-MM-DD HH:MM:SS`; the `_gmt` one is UTC, and all zeros for drafts and some imports. */
function readDate(comment: XmlElement, id: string): Date {
  const utc = textOf(comment, 'wp:comment_date_gmt');
  const text = utc && !utc.startsWith('0000') ? utc : textOf(comment, 'wp:comment_date');
  return readExportedDate(text ? `${text.replace(' ', 'T')}Z` : '', id);
}

function readComment(comment: XmlElement, threadKey: string): ExportedComment {
  const id = requireId(textOf(comment, 'wp:comment_id'), `A comment on thread ${threadKey}`);
  const parent = textOf(comment, 'wp:comment_parent');
  return {
    id,
    threadKey,
    parentId: parent === '' || parent === '0' ? null : parent,
    authorName: textOf(comment, 'wp:comment_author'),
    authorEmail: textOf(comment, 'wp:comment_author_email'),
    authorUrl: textOf(comment, 'wp:comment_author_url'),
    ip: textOf(comment, 'wp:comment_author_IP'),
    createdAt: readDate(comment, id),
    html: addWordPressParagraphs(childNamed(comment, 'wp:comment_content')?.text ?? ''),
    state: states[textOf(comment, 'wp:comment_approved')] ?? 'pending',
  };
}

const isPingback = (comment: XmlElement) => ['pingback', 'trackback'].includes(textOf(comment, 'wp:comment_type'));

/** A WordPress export (WXR: RSS whose `<item>`s are posts and pages, each with its `<wp:comment>`s). */
export function readWordPressExport(root: XmlElement): CommentsExport {
  const items = childrenNamed(childNamed(root, 'channel') ?? root, 'item');
  const threads: ExportedThread[] = [];
  const comments: ExportedComment[] = [];
  let skippedPingbacks = 0;
  items.forEach((item, index) => {
    const key = textOf(item, 'wp:post_id') || `item ${index + 1}`;
    threads.push({ key, link: textOf(item, 'link'), title: textOf(item, 'title'), slugHints: [textOf(item, 'wp:post_name'), textOf(item, 'link')] });
    for (const comment of childrenNamed(item, 'wp:comment')) {
      if (isPingback(comment)) skippedPingbacks += 1;
      else comments.push(readComment(comment, key));
    }
  });
  return { source: 'WordPress export', threads, comments, skippedPingbacks };
}

/** WXR is RSS with WordPress's namespace; its version element says so. */
export function isWordPressExport(root: XmlElement): boolean {
  const channel = childNamed(root, 'channel');
  return root.name === 'rss' && channel !== undefined && childNamed(channel, 'wp:wxr_version') !== undefined;
}

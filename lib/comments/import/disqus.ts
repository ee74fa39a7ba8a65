import { type CommentsExport, type ExportedComment, type ExportedState, readExportedDate, requireId } from './exported-comments';
import { childNamed, childrenNamed, textOf, type XmlElement } from './xml-tree';

const disqusId = (element: XmlElement | undefined) => element?.attributes['dsq:id'];

function readState(post: XmlElement): ExportedState {
  if (textOf(post, 'isDeleted') === 'true') return 'deleted';
  if (textOf(post, 'isSpam') === 'true') return 'spam';
  // Older exports have no isApproved: every comment they hold was published.
  return textOf(post, 'isApproved') === 'false' ? 'pending' : 'approved';
}

function readComment(post: XmlElement, index: number): ExportedComment {
  const id = requireId(disqusId(post), `Comment ${index + 1} (<post>)`);
  const author = childNamed(post, 'author');
  return {
    id,
    threadKey: requireId(disqusId(childNamed(post, 'thread')), `The thread of comment ${id}`),
    parentId: disqusId(childNamed(post, 'parent')) ?? null,
    authorName: textOf(author, 'name'),
    authorEmail: textOf(author, 'email'),
    authorUrl: '',
    ip: textOf(post, 'ipAddress'),
    createdAt: readExportedDate(textOf(post, 'createdAt'), id),
    html: childNamed(post, 'message')?.text ?? '',
    state: readState(post),
  };
}

/** A Disqus export (`<disqus>`): threads are the pages, `<post>`s their comments, linked by `dsq:id`. */
export function readDisqusExport(root: XmlElement): CommentsExport {
  return {
    source: 'Disqus export',
    threads: childrenNamed(root, 'thread').map((thread, index) => ({
      key: requireId(disqusId(thread), `Thread ${index + 1}`),
      link: textOf(thread, 'link'),
      title: textOf(thread, 'title'),
      // The identifier is whatever the old blog's embed code set, often the slug or the page's path.
      slugHints: [textOf(thread, 'link'), textOf(thread, 'id')],
    })),
    comments: childrenNamed(root, 'post').map(readComment),
    skippedPingbacks: 0,
  };
}

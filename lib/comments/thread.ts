import type { Comment } from './comment-store';

export interface ThreadNode {
  comment: Comment;
  /** Set when the reply is shown below another comment than the one it answers. */
  inReplyTo?: Comment;
  replies: ThreadNode[];
}

/** Replies nest this deep; deeper replies join the deepest level, oldest first. */
export const maxReplyDepth = 2;

/**
 * Arranges a post's approved comments (oldest first) as a thread. A reply whose parent is not
 * shown (held, spam) is shown as a top-level comment.
 */
export function buildThread(comments: Comment[]): ThreadNode[] {
  const placed = new Map<number, { node: ThreadNode; depth: number; holder?: ThreadNode }>();
  const roots: ThreadNode[] = [];
  for (const comment of comments) {
    const node: ThreadNode = { comment, replies: [] };
    const parent = comment.parentId === null ? undefined : placed.get(comment.parentId);
    if (!parent) {
      roots.push(node);
      placed.set(comment.id, { node, depth: 0 });
    } else if (parent.depth < maxReplyDepth) {
      parent.node.replies.push(node);
      placed.set(comment.id, { node, depth: parent.depth + 1, holder: parent.node });
    } else {
      node.inReplyTo = parent.node.comment;
      parent.holder?.replies.push(node);
      placed.set(comment.id, { node, depth: parent.depth, holder: parent.holder });
    }
  }
  return roots;
}

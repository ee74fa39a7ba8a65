import { expect, it } from 'vitest';
import type { Comment } from '@/lib/comments/comment-store';
import { buildThread, type ThreadNode } from '@/lib/comments/thread';

function comment(id: number, parentId: number | null = null): Comment {
  return {
    id,
    parentId,
    postSlug: 'post',
    authorName: `Author ${id}`,
    authorEmail: null,
    authorUrl: null,
    authorKey: 'key',
    body: `Comment ${id}`,
    status: 'approved',
    ipHash: 'ip',
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, id)),
    editedAt: null,
    byAuthor: false,
  };
}

/** The thread as nested ids, with "in reply to" noted where a reply moved up. */
function shape(nodes: ThreadNode[]): unknown[] {
  return nodes.map((node) => [node.comment.id, node.inReplyTo?.id ?? null, shape(node.replies)]);
}

it('nests replies two levels deep, oldest first', () => {
  expect(shape(buildThread([comment(1), comment(2, 1), comment(3), comment(4, 2), comment(5, 1)]))).toEqual([
    [1, null, [[2, null, [[4, null, []]]], [5, null, []]]],
    [3, null, []],
  ]);
});

it('attaches deeper replies to the deepest shown level, saying whom they answer', () => {
  expect(shape(buildThread([comment(1), comment(2, 1), comment(3, 2), comment(4, 3), comment(5, 4)]))).toEqual([
    [1, null, [[2, null, [[3, null, []], [4, 3, []], [5, 4, []]]]]],
  ]);
});

it('shows a reply whose parent is not shown as a comment of its own', () => {
  expect(shape(buildThread([comment(2, 1), comment(3, 2)]))).toEqual([[2, null, [[3, null, []]]]]);
});

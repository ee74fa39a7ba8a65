import 'server-only';
import { sign, verify } from '@/lib/security/signing';
import type { Comment } from './comment-store';

const purpose = 'edit-comment';

type CommentIdentity = Pick<Comment, 'id' | 'createdAt'>;

// The creation time as well as the id: after a restore or a move to another database, an id may name another comment.
const payloadOf = (comment: CommentIdentity) => `${comment.id}:${comment.createdAt.getTime()}`;

/** Proof that the reader holding it wrote this comment; their edit form sends it back, so no cookie is needed. */
export function issueEditToken(comment: CommentIdentity): string {
  return sign(purpose, payloadOf(comment));
}

export function checkEditToken(token: string, comment: CommentIdentity): boolean {
  return verify(purpose, token) === payloadOf(comment);
}

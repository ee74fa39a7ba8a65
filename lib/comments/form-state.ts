import type { CommentField, CommentValues } from './validation';

/** What the reader's own comment form shows about a comment it just posted. */
export interface OwnComment {
  id: number;
  status: 'approved' | 'pending';
  authorName: string;
  body: string;
  html: string;
  createdAt: string;
  editableUntil: string;
  /** Signed proof of authorship that the edit form sends back; empty for a dropped (honeypot) submission. */
  editToken: string;
}

export type CommentFormState =
  | { kind: 'idle' }
  | {
      kind: 'error';
      message: string;
      fieldErrors: Partial<Record<CommentField, string>>;
      values: CommentValues;
      /** Present when an edit of this comment failed: the edit form stays open. */
      comment?: OwnComment;
    }
  | { kind: 'saved'; message: string; comment: OwnComment }
  | { kind: 'deleted'; message: string };

export const initialCommentFormState: CommentFormState = { kind: 'idle' };

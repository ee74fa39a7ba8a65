import { z } from 'zod';
import { commentStatuses } from '@/db/statuses';
import type { Comment, CommentStore } from './comment-store';

const storedCommentSchema = z.object({
  id: z.number().int().positive(),
  postSlug: z.string(),
  parentId: z.number().int().positive().nullable(),
  authorName: z.string(),
  authorEmail: z.string().nullable(),
  authorUrl: z.string().nullable(),
  authorKey: z.string(),
  body: z.string(),
  status: z.enum(commentStatuses),
  ipHash: z.string(),
  createdAt: z.coerce.date(),
  editedAt: z.coerce.date().nullable(),
  // Backups written before the blogger could reply as the author hold only readers' comments.
  byAuthor: z.boolean().default(false),
});

/** `npm run comments:export` writes this; the same file restores into either engine. */
export const commentsBackupSchema = z.object({
  format: z.literal('folio-comments'),
  version: z.literal(1),
  exportedAt: z.coerce.date(),
  comments: z.array(storedCommentSchema),
});

export type CommentsBackup = z.infer<typeof commentsBackupSchema>;

export async function exportComments(store: CommentStore, now = new Date()): Promise<CommentsBackup> {
  return { format: 'folio-comments', version: 1, exportedAt: now, comments: await store.listAll() };
}

/**
 * Stores the backup's comments that the database does not hold yet, so importing the same file
 * twice adds nothing. Ids are the database's own: a comment is recognised by its post, author,
 * time and text, and replies are linked to their parent's id in this database.
 */
export async function importComments(store: CommentStore, backup: CommentsBackup): Promise<{ added: number; existing: number }> {
  const identity = (comment: Omit<Comment, 'id'>) => JSON.stringify([comment.postSlug, comment.authorKey, comment.createdAt.getTime(), comment.body]);
  const stored = new Map((await store.listAll()).map((comment) => [identity(comment), comment.id]));
  const idsHere = new Map<number, number>();
  let added = 0;
  // Parents were stored before their replies, so in id order each parent is placed first.
  for (const { id, ...comment } of [...backup.comments].sort((a, b) => a.id - b.id)) {
    const parentId = comment.parentId === null ? null : idsHere.get(comment.parentId);
    if (parentId === undefined) throw new Error(`Comment ${id} answers comment ${comment.parentId}, which is not in the backup`);
    const existing = stored.get(identity(comment));
    if (existing !== undefined) {
      idsHere.set(id, existing);
      continue;
    }
    idsHere.set(id, (await store.addComment({ ...comment, parentId })).id);
    added += 1;
  }
  return { added, existing: backup.comments.length - added };
}

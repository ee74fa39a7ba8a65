import { z } from 'zod';
import { commentStatuses } from '@/db/statuses';
import { ImportRefusedError } from './import/import-refused';
import type { BatchedComment, CommentStore, RestoredComment } from './comment-store';

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

/** A comment read from a backup or another blog's export, under that file's ids for it and its parent. */
export interface SourceComment extends Omit<RestoredComment, 'parentId'> {
  sourceId: string;
  parentSourceId: string | null;
}

/** What recognises a comment across databases and imports: its post, author, time and text. */
function identify(comment: Omit<RestoredComment, 'parentId'>): string {
  return JSON.stringify([comment.postSlug, comment.authorKey, comment.createdAt.getTime(), comment.body]);
}

/**
 * Stores the comments (parents before their replies) that the database does not hold yet, all in
 * one transaction, so that importing the same file twice adds nothing and a failed import adds
 * nothing either. Ids are the database's own; replies are linked to their parent's id in this database.
 */
export async function restoreComments(store: CommentStore, comments: SourceComment[]): Promise<{ added: number; existing: number }> {
  const stored = new Map((await store.listAll()).map((comment) => [identify(comment), comment.id]));
  const placed = new Map<string, BatchedComment['parent']>();
  const batch: BatchedComment[] = [];
  for (const { sourceId, parentSourceId, ...comment } of comments) {
    const parent = parentSourceId === null ? null : placed.get(parentSourceId);
    if (parent === undefined) throw new ImportRefusedError(`Comment ${sourceId} answers comment ${parentSourceId}, which is not before it in the file; nothing was imported.`);
    const existing = stored.get(identify(comment));
    if (existing !== undefined) {
      placed.set(sourceId, { storedId: existing });
      continue;
    }
    placed.set(sourceId, { batchIndex: batch.length });
    batch.push({ ...comment, parent });
  }
  await store.addCommentBatch(batch);
  return { added: batch.length, existing: comments.length - batch.length };
}

/** The backup's comments as `restoreComments` takes them: in id order, each parent was stored before its replies. */
export function readBackupComments(backup: CommentsBackup): SourceComment[] {
  return [...backup.comments]
    .sort((a, b) => a.id - b.id)
    .map(({ id, parentId, ...comment }) => ({ ...comment, sourceId: String(id), parentSourceId: parentId === null ? null : String(parentId) }));
}

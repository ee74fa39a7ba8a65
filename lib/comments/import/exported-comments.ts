import type { CommentStatus } from '@/db/statuses';
import { ImportRefusedError } from './import-refused';

/** Folio's states, and `deleted`, which Folio has not: deleting a Folio comment removes it. */
export type ExportedState = CommentStatus | 'deleted';

/** A page of the old blog that comments were written on. */
export interface ExportedThread {
  key: string;
  link: string;
  title: string;
  /** Slugs or addresses that may name the Folio post (the link, WordPress's post name, Disqus's identifier). */
  slugHints: string[];
}

/** A comment as another blog engine exported it, its body still that engine's HTML. */
export interface ExportedComment {
  id: string;
  threadKey: string;
  parentId: string | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  ip: string;
  createdAt: Date;
  html: string;
  state: ExportedState;
}

/** What a Disqus or WordPress export holds, in one shape, before it is matched to Folio's posts. */
export interface CommentsExport {
  source: string;
  threads: ExportedThread[];
  comments: ExportedComment[];
  /** Pingbacks and trackbacks: notices from other sites, not readers' comments. */
  skippedPingbacks: number;
}

/** A date the export gives; a comment without a readable one refuses the whole file. */
export function readExportedDate(text: string, commentId: string): Date {
  const date = new Date(text);
  if (text === '' || Number.isNaN(date.getTime())) throw new ImportRefusedError(`Comment ${commentId} has no readable date ("${text}"); nothing was imported.`);
  return date;
}

/** An id the export must give, else the file is refused. */
export function requireId(id: string | undefined, what: string): string {
  if (!id) throw new ImportRefusedError(`${what} has no id; nothing was imported.`);
  return id;
}

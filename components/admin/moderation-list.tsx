import Link from 'next/link';
import { CommentBody } from '@/components/comments/comment-body';
import { formatCommentDate } from '@/lib/comments/format';
import type { Comment } from '@/lib/comments/comment-store';
import { editCommentAsAdmin, moderateComment } from './actions';
import styles from './admin.module.css';
import { ReplyForm } from './reply-form';

function DecisionButton({ id, decision, label }: { id: number; decision: 'approve' | 'spam' | 'delete'; label: string }) {
  return (
    <form action={moderateComment}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" name="decision" value={decision}>
        {label}
      </button>
    </form>
  );
}

/** Comments for the blogger to act on: held ones with every decision, published ones with delete, and each to reply to. */
export function ModerationList({ comments, held }: { comments: Comment[]; held: boolean }) {
  return (
    <ol className={styles.list}>
      {comments.map((comment) => (
        <li key={comment.id}>
          <article className={styles.item} aria-label={`Comment by ${comment.authorName}`}>
            <p className={styles.meta}>
              <strong>{comment.authorName}</strong>
              {comment.byAuthor ? <> <span className={styles.authorLabel}>Author</span></> : null}
              {comment.authorUrl ? <> · {comment.authorUrl}</> : null} on{' '}
              <Link href={`/blog/${comment.postSlug}${held ? '' : `#comment-${comment.id}`}`}>{comment.postSlug}</Link> ·{' '}
              <time dateTime={comment.createdAt.toISOString()}>{formatCommentDate(comment.createdAt)}</time>
            </p>
            <CommentBody body={comment.body} className={styles.body} noteClassName={styles.note} />
            <div className={styles.actions}>
              {held ? <DecisionButton id={comment.id} decision="approve" label="Approve" /> : null}
              {held ? <DecisionButton id={comment.id} decision="spam" label="Spam" /> : null}
              <DecisionButton id={comment.id} decision="delete" label="Delete" />
            </div>
            {held ? (
              <details>
                <summary>Edit</summary>
                <form action={editCommentAsAdmin} className={styles.edit}>
                  <input type="hidden" name="id" value={comment.id} />
                  <label htmlFor={`edit-${comment.id}`}>Comment text</label>
                  <textarea id={`edit-${comment.id}`} name="body" defaultValue={comment.body} rows={5} required />
                  <button type="submit">Save</button>
                </form>
              </details>
            ) : null}
            <ReplyForm comment={{ id: comment.id, postSlug: comment.postSlug, authorName: comment.authorName }} held={held} />
          </article>
        </li>
      ))}
    </ol>
  );
}

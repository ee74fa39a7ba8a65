import { formatCommentDate } from '@/lib/comments/format';
import type { ThreadNode } from '@/lib/comments/thread';
import { CommentBody } from './comment-body';
import { CommentForm } from './comment-form';
import styles from './comments.module.css';

interface ThreadProps {
  postSlug: string;
  formToken: string;
  offerReplyMail: boolean;
}

function CommentItem({ node, ...form }: ThreadProps & { node: ThreadNode }) {
  const { comment, inReplyTo, replies } = node;
  const anchor = `comment-${comment.id}`;
  return (
    <li>
      <article id={anchor} className={styles.comment} aria-labelledby={`${anchor}-author`}>
        <header className={styles.meta}>
          <span id={`${anchor}-author`} className={styles.author}>
            {comment.authorUrl ? (
              <a href={comment.authorUrl} rel="nofollow ugc noopener">
                {comment.authorName}
              </a>
            ) : (
              comment.authorName
            )}
          </span>
          {/* From the stored flag that only the signed-in blogger's comments carry: a name alone never earns it. */}
          {comment.byAuthor ? (
            <>
              {' '}
              <span className={styles.authorLabel}>Author</span>
            </>
          ) : null}
          {' · '}
          <a href={`#${anchor}`} className={styles.permalink}>
            <time dateTime={comment.createdAt.toISOString()}>{formatCommentDate(comment.createdAt)}</time>
          </a>
          {comment.editedAt ? ' · edited' : null}
          {inReplyTo ? (
            <>
              {' · in reply to '}
              <a href={`#comment-${inReplyTo.id}`}>{inReplyTo.authorName}</a>
            </>
          ) : null}
        </header>
        <CommentBody body={comment.body} className={styles.body} />
        <CommentForm {...form} replyTo={{ id: comment.id, authorName: comment.authorName }} />
      </article>
      {replies.length > 0 ? <CommentList nodes={replies} {...form} /> : null}
    </li>
  );
}

export function CommentList({ nodes, ...form }: ThreadProps & { nodes: ThreadNode[] }) {
  return (
    <ol className={styles.thread}>
      {nodes.map((node) => (
        <CommentItem key={node.comment.id} node={node} {...form} />
      ))}
    </ol>
  );
}

import { formatCommentCount } from '@/lib/comments/format';
import { issueFormToken } from '@/lib/comments/form-token';
import { getPostComments } from '@/lib/comments/read';
import { isMailConfigured } from '@/lib/mail/settings';
import { buildThread } from '@/lib/comments/thread';
import { postCommentFeedPath, siteCommentFeed } from '@/lib/share/feeds';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';
import styles from './comments.module.css';

/** A post's approved comments and the form, rendered into the static page. */
export async function CommentSection({ postSlug }: { postSlug: string }) {
  const comments = await getPostComments(postSlug);
  const formToken = issueFormToken(new Date());
  const offerReplyMail = isMailConfigured();
  return (
    <section id="comments" className={styles.section} aria-labelledby="comments-title">
      <h2 id="comments-title">{comments.length > 0 ? formatCommentCount(comments.length) : 'Comments'}</h2>
      <p className={styles.feeds}>
        Follow in a feed reader:{' '}
        <a href={postCommentFeedPath(postSlug)} type="application/atom+xml">
          comments on this post
        </a>
        {' · '}
        <a href={siteCommentFeed.path} type="application/atom+xml">
          all comments
        </a>
      </p>
      {comments.length > 0 ? (
        <CommentList nodes={buildThread(comments)} postSlug={postSlug} formToken={formToken} offerReplyMail={offerReplyMail} />
      ) : (
        <p className={styles.empty}>No comments yet.</p>
      )}
      <h3 id="comment-form">Leave a comment</h3>
      <CommentForm postSlug={postSlug} formToken={formToken} offerReplyMail={offerReplyMail} />
    </section>
  );
}

/** "3 comments", linking to them, for the post's byline. */
export async function CommentCountLink({ postSlug }: { postSlug: string }) {
  const count = (await getPostComments(postSlug)).length;
  return <a href="#comments">{formatCommentCount(count)}</a>;
}

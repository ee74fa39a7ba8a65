import { renderCommentBody } from '@/lib/comments/markdown';

/**
 * A comment's text, rendered from its Markdown. One that cannot be rendered shows as plain text;
 * where the blogger reads, `noteClassName` is given and a note says so.
 */
export function CommentBody({ body, className, noteClassName }: { body: string; className?: string; noteClassName?: string }) {
  const { html, asPlainText } = renderCommentBody(body);
  return (
    <>
      <div className={className} dangerouslySetInnerHTML={{ __html: html }} />
      {noteClassName && asPlainText ? (
        <p className={noteClassName}>Shown as plain text: its Markdown could not be rendered (the server log says why).</p>
      ) : null}
    </>
  );
}

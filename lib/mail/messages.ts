import 'server-only';
import type { ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Comment } from '@/lib/comments/comment-store';
import { renderCommentBody } from '@/lib/comments/markdown';
import { absoluteUrl, postUrl } from '@/lib/share/urls';
import siteConfig from '@/site.config';
import type { ModerationDecision } from '@/lib/comments/moderation';

/** A message ready for the outbox: its text and HTML parts, and the headers besides From, To and Subject. */
export interface OutgoingMessage {
  recipient: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** A held comment as a message shows it, with what the blogger may do about it. */
export interface HeldCommentItem {
  comment: Pick<Comment, 'id' | 'postSlug' | 'authorName' | 'authorEmail' | 'authorUrl' | 'body'>;
  postTitle: string;
  links: Record<ModerationDecision, string>;
}

/**
 * Text for a header: names and titles come from readers, and a line break in one would start a header
 * of their own making. Control characters become spaces; long text is cut.
 */
export function headerText(text: string, maxLength = 120): string {
  const oneLine = text
    .replace(/[\u0000-\u001F\u007F\u0085\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
}

const decisionLabels: Record<ModerationDecision, string> = { approve: 'Approve', spam: 'Spam', delete: 'Delete' };
const decisions = Object.keys(decisionLabels) as ModerationDecision[];
const linkRules = 'Each link opens a page with a button that confirms it; a link works once and expires after 7 days.';

/** The HTML part: hast escapes every text and attribute, whatever readers wrote. */
function htmlDocument(title: string, content: ElementContent[]): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: siteConfig.language }, [
        h('head', [h('meta', { charset: 'utf-8' }), h('title', title)]),
        h('body', { style: 'font-family: sans-serif; line-height: 1.5; max-width: 40em' }, content),
      ]),
    ],
  };
  return toHtml(tree);
}

/** The comment as the post shows it: the sanitiser's HTML, read back as a tree so that hast writes every byte of the message. */
const commentHtml = (body: string): ElementContent =>
  h('blockquote', { style: 'border-left: 3px solid #ccc; margin: 1em 0; padding-left: 1em' }, fromHtml(renderCommentBody(body).html, { fragment: true }).children);

const quoteText = (body: string) => body.replace(/^/gm, '> ');

function describeAuthor(comment: HeldCommentItem['comment']): string {
  return [comment.authorEmail, comment.authorUrl].filter(Boolean).join(', ');
}

function heldCommentText({ comment, postTitle, links }: HeldCommentItem): string {
  const contact = describeAuthor(comment);
  return [
    `${comment.authorName}${contact ? ` (${contact})` : ''} wrote on “${postTitle}” (${postUrl(comment.postSlug)}):`,
    '',
    quoteText(comment.body),
    '',
    ...decisions.map((decision) => `${decisionLabels[decision]}: ${links[decision]}`),
  ].join('\n');
}

function heldCommentHtml({ comment, postTitle, links }: HeldCommentItem): ElementContent[] {
  const contact = describeAuthor(comment);
  return [
    h('p', [h('strong', comment.authorName), contact ? ` (${contact})` : '', ' wrote on ', h('a', { href: postUrl(comment.postSlug) }, postTitle), ':']),
    commentHtml(comment.body),
    h(
      'p',
      decisions.flatMap((decision, index) => [
        index > 0 ? ' · ' : '',
        h('a', { href: links[decision], style: 'font-weight: bold' }, decisionLabels[decision]),
      ]),
    ),
  ];
}

/** To the blogger: one comment waits for moderation. */
export function buildModerationMessage(recipient: string, item: HeldCommentItem): OutgoingMessage {
  const subject = headerText(`Comment awaiting moderation on “${item.postTitle}” from ${item.comment.authorName}`);
  const admin = absoluteUrl('/admin');
  return {
    recipient,
    subject,
    text: [heldCommentText(item), '', linkRules, `All held comments: ${admin}`, ''].join('\n'),
    html: htmlDocument(subject, [
      ...heldCommentHtml(item),
      h('p', { style: 'color: #555' }, [linkRules, ' ', h('a', { href: admin }, 'All held comments')]),
    ]),
    headers: {},
  };
}

/** To the blogger, once a day instead: every comment held since the last digest. */
export function buildDigestMessage(recipient: string, items: HeldCommentItem[]): OutgoingMessage {
  const subject = headerText(`${items.length === 1 ? '1 comment awaits' : `${items.length} comments await`} moderation on ${siteConfig.title}`);
  const admin = absoluteUrl('/admin');
  return {
    recipient,
    subject,
    text: [...items.flatMap((item) => [heldCommentText(item), '', '---', '']), linkRules, `All held comments: ${admin}`, ''].join('\n'),
    html: htmlDocument(subject, [
      ...items.flatMap((item) => [...heldCommentHtml(item), h('hr')]),
      h('p', { style: 'color: #555' }, [linkRules, ' ', h('a', { href: admin }, 'All held comments')]),
    ]),
    headers: {},
  };
}

/** To a reader who ticked "E-mail me replies", before anything else is sent to the address (double opt-in). */
export function buildConfirmationMessage(recipient: string, confirmUrl: string): OutgoingMessage {
  const subject = headerText(`Confirm replies by e-mail from ${siteConfig.title}`);
  const asked = `Someone, probably you, asked ${siteConfig.title} (${siteConfig.url}) to e-mail replies to a comment to this address.`;
  const ignore = 'If that was not you, ignore this message: nothing more will be sent. The link expires after 7 days.';
  return {
    recipient,
    subject,
    text: [asked, '', `Confirm: ${confirmUrl}`, '', ignore, ''].join('\n'),
    html: htmlDocument(subject, [h('p', asked), h('p', [h('a', { href: confirmUrl, style: 'font-weight: bold' }, 'Confirm replies by e-mail')]), h('p', { style: 'color: #555' }, ignore)]),
    headers: {},
  };
}

export interface ReplyItem {
  reply: Pick<Comment, 'id' | 'postSlug' | 'authorName' | 'body'>;
  postTitle: string;
  /** The page where the reader confirms, and the address that mail clients POST to for one click (RFC 8058). */
  unsubscribe: { page: string; oneClick: string };
}

/** To a reader whose comment was answered. */
export function buildReplyMessage(recipient: string, { reply, postTitle, unsubscribe }: ReplyItem): OutgoingMessage {
  const subject = headerText(`${reply.authorName} replied to your comment on “${postTitle}”`);
  const replyUrl = `${postUrl(reply.postSlug)}#comment-${reply.id}`;
  const why = 'You get this because you asked for replies to your comment.';
  return {
    recipient,
    subject,
    text: [`${reply.authorName} replied to your comment on “${postTitle}”:`, '', quoteText(reply.body), '', `Read it on the blog: ${replyUrl}`, '', why, `Unsubscribe: ${unsubscribe.page}`, ''].join('\n'),
    html: htmlDocument(subject, [
      h('p', [h('strong', reply.authorName), ' replied to your comment on ', h('a', { href: replyUrl }, postTitle), ':']),
      commentHtml(reply.body),
      h('p', [h('a', { href: replyUrl }, 'Read it on the blog')]),
      h('p', { style: 'color: #555' }, [why, ' ', h('a', { href: unsubscribe.page }, 'Unsubscribe')]),
    ]),
    headers: {
      'List-Unsubscribe': `<${unsubscribe.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

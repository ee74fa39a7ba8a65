import 'server-only';
import { z } from 'zod';
import { checkRateLimit, formatRetryMessage } from '@/lib/security/rate-limit';
import { hashIdentity } from '@/lib/security/signing';
import { readerAuthorKey, siteAuthorKey } from './author-key';
import { checkEditToken, issueEditToken } from './edit-token';
import type { CommentFormState, OwnComment } from './form-state';
import { checkFormToken } from './form-token';
import { countLinks, renderCommentBody } from './markdown';
import type { CommentSettings } from './settings';
import siteConfig from '@/site.config';
import type { CommentMailEvent } from '@/lib/mail/queue';
import type { Comment, CommentStore, NewComment } from './comment-store';
import { commentBodySchema, type CommentField, commentFieldsSchema, type CommentValues, readCommentValues, readerCommentSchema } from './validation';

/** Everything a submission depends on besides the form, so that tests can run it without a request. */
export interface SubmissionContext {
  openStore(): CommentStore;
  settings: CommentSettings;
  now: Date;
  ip: string;
  isPost(slug: string): Promise<boolean>;
  /** The blogger is signed in: their comment is the author's and published at once. Only their session may say so, never the form. */
  asAuthor: boolean;
}

export interface SubmissionOutcome {
  state: CommentFormState;
  /** Posts whose pages must be regenerated. */
  changedPosts: string[];
  /** What the blogger or readers may have to be told by e-mail, once the reader has the answer. */
  mail: CommentMailEvent[];
}

/** More links than this and a comment waits for moderation whatever the mode. */
export const maxLinksBeforeModeration = 2;

const intentSchema = z.enum(['post', 'edit', 'delete']);
const idSchema = z.coerce.number().int().positive();
const editRequestSchema = z.object({ commentId: idSchema, editToken: z.string().min(1) });

const messages = {
  invalid: 'Please correct the marked fields.',
  unavailable: 'Comments are temporarily unavailable — please try again.',
  expired: 'This form has expired — please submit it again.',
  tooFast: 'That was quick! Please take a moment, then submit again.',
  duplicate: 'You have already posted this comment.',
  noPost: 'Comments cannot be added to this page.',
  noParent: 'The comment you are replying to is not available.',
  notEditable: 'This comment can no longer be changed.',
  published: 'Thank you! Your comment is published.',
  publishedAsAuthor: 'Your comment is published as the author’s.',
  pending: 'Thank you! Your comment is awaiting moderation.',
  edited: 'Your changes are saved.',
  deleted: 'Your comment is deleted.',
} as const;

class Unavailable extends Error {}

function failure(values: CommentValues, message: string, extra: Partial<Extract<CommentFormState, { kind: 'error' }>> = {}): SubmissionOutcome {
  return { state: { kind: 'error', message, fieldErrors: {}, values, ...extra }, changedPosts: [], mail: [] };
}

function toOwnComment(
  comment: Pick<Comment, 'id' | 'status' | 'authorName' | 'body' | 'createdAt'>,
  settings: CommentSettings,
  editToken = issueEditToken(comment),
): OwnComment {
  return {
    id: comment.id,
    status: comment.status === 'approved' ? 'approved' : 'pending',
    authorName: comment.authorName,
    body: comment.body,
    html: renderCommentBody(comment.body).html,
    createdAt: comment.createdAt.toISOString(),
    editableUntil: new Date(comment.createdAt.getTime() + settings.editMinutes * 60_000).toISOString(),
    editToken,
  };
}

async function withStore<T>(context: SubmissionContext, work: (store: CommentStore) => Promise<T>): Promise<T> {
  let store: CommentStore;
  try {
    store = context.openStore();
  } catch (error) {
    throw new Unavailable('The database cannot be opened', { cause: error });
  }
  try {
    return await work(store);
  } catch (error) {
    if (error instanceof Unavailable) throw error;
    throw new Unavailable('The database failed', { cause: error });
  }
}

async function decideStatus(store: CommentStore, settings: CommentSettings, authorKey: string, body: string) {
  if (countLinks(body) > maxLinksBeforeModeration || settings.moderation === 'all') return 'pending';
  if (settings.moderation === 'none') return 'approved';
  return (await store.hasApprovedFromAuthor(authorKey)) ? 'approved' : 'pending';
}

type FieldErrors = Partial<Record<CommentField, string>>;

const toFieldErrors = (error: z.ZodError): FieldErrors =>
  Object.fromEntries(error.issues.map((issue) => [String(issue.path[0]), issue.message]));

type Commenter = Pick<NewComment, 'authorName' | 'authorEmail' | 'authorUrl' | 'authorKey' | 'byAuthor'>;

const authorFieldsSchema = commentFieldsSchema.pick({ body: true });

/**
 * Who the comment is from, and what it says. The signed-in blogger's comment is the site author's,
 * whatever the name fields say; a reader is who they name, with a name that is not the author's.
 */
function readComment(
  values: CommentValues,
  context: SubmissionContext,
  ipHash: string,
): { fieldErrors: FieldErrors } | { body: string; commenter: Commenter; replyMailTo?: string } {
  if (context.asAuthor) {
    const parsed = authorFieldsSchema.safeParse(values);
    if (!parsed.success) return { fieldErrors: toFieldErrors(parsed.error) };
    const author: Commenter = {
      authorName: siteConfig.author.name,
      authorEmail: null,
      authorUrl: siteConfig.author.url,
      authorKey: siteAuthorKey(),
      byAuthor: true,
    };
    return { body: parsed.data.body, commenter: author };
  }
  const parsed = readerCommentSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: toFieldErrors(parsed.error) };
  const { name, email, website, body, notifyReplies } = parsed.data;
  const reader: Commenter = {
    authorName: name,
    authorEmail: email || null,
    authorUrl: website || null,
    authorKey: readerAuthorKey(name, email || null, ipHash),
    byAuthor: false,
  };
  return { body, commenter: reader, replyMailTo: notifyReplies ? email : undefined };
}

/** Readers answer published comments; the blogger may answer a held one too, which approves it. */
function canReplyTo(parent: Comment | undefined, postSlug: string, asAuthor: boolean): parent is Comment {
  if (!parent || parent.postSlug !== postSlug) return false;
  return parent.status === 'approved' || (asAuthor && parent.status === 'pending');
}

async function postComment(form: FormData, context: SubmissionContext): Promise<SubmissionOutcome> {
  const values = readCommentValues(form);
  const { settings, now } = context;
  const honeypotFilled = String(form.get('homepage') ?? '') !== '';
  if (honeypotFilled) {
    // Looks accepted, so that the bot learns nothing; nothing is stored, so there is nothing to edit.
    const decoy = { id: 0, status: 'pending', authorName: values.name, body: values.body, createdAt: now } as const;
    return { state: { kind: 'saved', message: messages.pending, comment: toOwnComment(decoy, settings, '') }, changedPosts: [], mail: [] };
  }
  const ipHash = hashIdentity('ip', context.ip);
  const comment = readComment(values, context, ipHash);
  if ('fieldErrors' in comment) return { state: { kind: 'error', message: messages.invalid, fieldErrors: comment.fieldErrors, values }, changedPosts: [], mail: [] };
  const postSlug = String(form.get('postSlug') ?? '');
  if (!(await context.isPost(postSlug))) return failure(values, messages.noPost);

  // The bot checks are for readers: the blogger has signed in.
  if (!context.asAuthor) {
    const timing = checkFormToken(String(form.get('formToken') ?? ''), now, settings.minSecondsToSubmit);
    if (timing === 'invalid') return failure(values, messages.expired);
    if (timing === 'too-fast') return failure(values, messages.tooFast);
  }

  const parentField = form.get('parentId');
  const parentId = parentField ? idSchema.safeParse(parentField) : undefined;
  if (parentId && !parentId.success) return failure(values, messages.noParent);

  const { body, commenter } = comment;
  const stored = await withStore(context, async (store) => {
    const parent = parentId ? await store.getComment(parentId.data) : undefined;
    if (parentId && !canReplyTo(parent, postSlug, context.asAuthor)) return failure(values, messages.noParent);
    if (await store.hasSameComment({ postSlug, ipHash, body })) return failure(values, messages.duplicate);
    const draft = { ...commenter, postSlug, parentId: parent?.id ?? null, body, ipHash, createdAt: now };
    if (context.asAuthor) {
      // Answering a held comment publishes it: the reply must not be shown without what it answers.
      const approvedParent = parent?.status === 'pending' ? await store.setStatus(parent.id, 'approved') : undefined;
      const added = await store.addComment({ ...draft, status: 'approved' });
      return { added, approvedParent };
    }
    const windowStart = new Date(now.getTime() - settings.rateLimit.minutes * 60_000);
    const result = await store.addCommentWithinLimit(
      { ...draft, status: await decideStatus(store, settings, commenter.authorKey, body) },
      { since: windowStart, max: settings.rateLimit.comments },
    );
    if ('limited' in result) {
      const limit = checkRateLimit(result.limited, settings.rateLimit.comments, windowStart);
      return failure(values, formatRetryMessage('comments', limit.limited ? limit.retryInMinutes : 1));
    }
    return { added: result.added, approvedParent: undefined };
  });
  if ('state' in stored) return stored;
  // Stored: from here on nothing may turn into a refusal, so the answer is built outside the store's error handling.
  const { added, approvedParent } = stored;
  const published = added.status === 'approved';
  const message = added.byAuthor ? messages.publishedAsAuthor : published ? messages.published : messages.pending;
  const mail: CommentMailEvent[] = [
    ...(approvedParent ? [{ kind: 'published', commentId: approvedParent.id } as const] : []),
    { kind: published ? 'published' : 'held', commentId: added.id },
    ...(comment.replyMailTo ? [{ kind: 'subscribed', commentId: added.id, address: comment.replyMailTo } as const] : []),
  ];
  return { state: { kind: 'saved', message, comment: toOwnComment(added, settings) }, changedPosts: published ? [postSlug] : [], mail };
}

/** The reader's own comment, vouched for by the edit token they were given, if it is still theirs to change. */
async function findEditable(store: CommentStore, form: FormData, context: SubmissionContext) {
  const request = editRequestSchema.safeParse({ commentId: form.get('commentId'), editToken: form.get('editToken') });
  if (!request.success) return undefined;
  const comment = await store.getComment(request.data.commentId);
  if (!comment || !checkEditToken(request.data.editToken, comment)) return undefined;
  const deadline = comment.createdAt.getTime() + context.settings.editMinutes * 60_000;
  return deadline > context.now.getTime() ? comment : undefined;
}

async function editComment(form: FormData, context: SubmissionContext): Promise<SubmissionOutcome> {
  const values = { ...readCommentValues(form), name: '', email: '', website: '', notifyReplies: '' };
  const saved = await withStore(context, async (store) => {
    const comment = await findEditable(store, form, context);
    if (!comment) return failure(values, messages.notEditable);
    const body = commentBodySchema.safeParse(values.body);
    if (!body.success) {
      const own = toOwnComment(comment, context.settings);
      return failure(values, messages.invalid, { fieldErrors: { body: body.error.issues[0]?.message }, comment: own });
    }
    // An edit must not slip links past moderation.
    const heldAgain = comment.status === 'approved' && countLinks(body.data) > maxLinksBeforeModeration;
    if (heldAgain) await store.setStatus(comment.id, 'pending');
    const edited = await store.editBody(comment.id, body.data, context.now);
    if (!edited) return failure(values, messages.notEditable);
    return { edited, wasPublished: comment.status === 'approved', heldAgain };
  });
  if ('state' in saved) return saved;
  const { edited, wasPublished, heldAgain } = saved;
  return {
    state: { kind: 'saved', message: messages.edited, comment: toOwnComment(edited, context.settings) },
    changedPosts: wasPublished ? [edited.postSlug] : [],
    mail: heldAgain ? [{ kind: 'held', commentId: edited.id }] : [],
  };
}

async function deleteComment(form: FormData, context: SubmissionContext): Promise<SubmissionOutcome> {
  const values = { ...readCommentValues(form), name: '', email: '', website: '', notifyReplies: '' };
  return withStore(context, async (store) => {
    const comment = await findEditable(store, form, context);
    if (!comment) return failure(values, messages.notEditable);
    await store.deleteComment(comment.id);
    return {
      state: { kind: 'deleted', message: messages.deleted },
      changedPosts: comment.status === 'approved' ? [comment.postSlug] : [],
      mail: [],
    };
  });
}

/** Handles the comment form: a new comment or reply, or a change to the reader's own comment. */
export async function handleCommentSubmission(form: FormData, context: SubmissionContext): Promise<SubmissionOutcome> {
  const intent = intentSchema.catch('post').parse(form.get('intent'));
  try {
    if (intent === 'edit') return await editComment(form, context);
    if (intent === 'delete') return await deleteComment(form, context);
    return await postComment(form, context);
  } catch (error) {
    if (!(error instanceof Unavailable)) throw error;
    console.error('Comments are unavailable:', error.cause);
    return failure(readCommentValues(form), messages.unavailable);
  }
}

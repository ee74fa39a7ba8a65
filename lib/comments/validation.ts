import { z } from 'zod';
import siteConfig from '@/site.config';
import { isAuthorName } from './author-name';

/**
 * NUL and other control characters (PostgreSQL cannot store NUL at all), and U+FFFD, which is
 * what invalid UTF-8 in a request becomes once decoded; tabs and line breaks are fine.
 */
const unstorable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
/** The text without the characters `unstorable` matches, for text that is taken as it comes rather than refused. */
export const removeUnstorable = (text: string) => text.replace(new RegExp(unstorable.source, 'g'), '');
const storableText = () => z.string().refine((text) => !unstorable.test(text), 'This contains characters that cannot be stored; please remove them.');
/** Names and addresses: white space around them is never meant. */
const trimmedText = () => storableText().trim();

const optionalText = trimmedText().optional().default('');

/** Line endings as one `\n`, whatever the browser sent; nothing else changes. */
const normaliseLineEndings = (text: string) => text.replace(/\r\n?/g, '\n');

export const commentFieldsSchema = z.object({
  name: trimmedText()
    .min(1, 'Please give your name.')
    .max(80, 'Please keep your name to 80 characters.')
    .refine((name) => !isAuthorName(name), `Only the author of this blog can comment as ${siteConfig.author.name}. Please use another name.`),
  email: optionalText.pipe(z.union([z.literal(''), z.email('This is not an email address.')])),
  website: optionalText.pipe(
    z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Give a web address starting with http:// or https://.' })]),
  ),
  /** The "E-mail me replies" box: a ticked box sends its value, an unticked one sends nothing. */
  notifyReplies: z
    .string()
    .optional()
    .transform((value) => Boolean(value)),
  // Kept as typed: leading spaces are Markdown (four of them start a code block).
  body: storableText()
    .transform(normaliseLineEndings)
    .pipe(
      z
        .string()
        .refine((text) => text.trim() !== '', 'Please write a comment.')
        .max(5_000, 'Please keep your comment to 5,000 characters.'),
    ),
});

export const commentBodySchema = commentFieldsSchema.shape.body;

/** A reader's comment: replies can only be e-mailed to an address. */
export const readerCommentSchema = commentFieldsSchema.refine((fields) => !fields.notifyReplies || fields.email !== '', {
  path: ['email'],
  message: 'Give your e-mail address to be sent replies.',
});

export type CommentFields = z.infer<typeof commentFieldsSchema>;
export type CommentField = keyof CommentFields;

/** What the reader typed, kept as typed so that an error never loses it. */
export type CommentValues = Record<CommentField, string>;

export function readCommentValues(form: FormData): CommentValues {
  const text = (name: CommentField) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return { name: text('name'), email: text('email'), website: text('website'), notifyReplies: text('notifyReplies'), body: text('body') };
}

import { z } from 'zod';

/**
 * NUL and other control characters (PostgreSQL cannot store NUL at all), and U+FFFD, which is
 * what invalid UTF-8 in a request becomes once decoded; tabs and line breaks are fine.
 */
const unstorable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
const storableText = () =>
  z.string().refine((text) => !unstorable.test(text), 'This contains characters that cannot be stored; please remove them.').trim();

const optionalText = storableText().optional().default('');

export const commentFieldsSchema = z.object({
  name: storableText().min(1, 'Please give your name.').max(80, 'Please keep your name to 80 characters.'),
  email: optionalText.pipe(z.union([z.literal(''), z.email('This is not an email address.')])),
  website: optionalText.pipe(
    z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Give a web address starting with http:// or https://.' })]),
  ),
  body: storableText()
    .min(1, 'Please write a comment.')
    .max(5_000, 'Please keep your comment to 5,000 characters.'),
});

export const commentBodySchema = commentFieldsSchema.shape.body;

export type CommentFields = z.infer<typeof commentFieldsSchema>;
export type CommentField = keyof CommentFields;

/** What the reader typed, kept as typed so that an error never loses it. */
export type CommentValues = Record<CommentField, string>;

export function readCommentValues(form: FormData): CommentValues {
  const text = (name: CommentField) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return { name: text('name'), email: text('email'), website: text('website'), body: text('body') };
}

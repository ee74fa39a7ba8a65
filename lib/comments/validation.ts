import { z } from 'zod';

const optionalText = z.string().trim().optional().default('');

export const commentFieldsSchema = z.object({
  name: z.string().trim().min(1, 'Please give your name.').max(80, 'Please keep your name to 80 characters.'),
  email: optionalText.pipe(z.union([z.literal(''), z.email('This is not an email address.')])),
  website: optionalText.pipe(
    z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Give a web address starting with http:// or https://.' })]),
  ),
  body: z
    .string()
    .trim()
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

import { z } from 'zod';

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const isoDateSchema = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
      .refine((value) => isCalendarDate(value), 'is not a real calendar date'),
  );

export const frontmatterSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty'),
    date: isoDateSchema,
    description: z.string().trim().min(1, 'must not be empty').optional(),
    tags: z.array(z.string().trim().min(1, 'tags must not be empty')).default([]),
    draft: z.boolean().default(false),
    updated: isoDateSchema.optional(),
    series: z.string().trim().min(1, 'must not be empty').optional(),
    seriesOrder: z.number().int('must be a whole number').positive('must be 1 or more').optional(),
  })
  .strict()
  .refine((frontmatter) => frontmatter.seriesOrder === undefined || frontmatter.series !== undefined, {
    path: ['seriesOrder'],
    message: 'needs a "series" to order the post in',
  });

export type Frontmatter = z.infer<typeof frontmatterSchema>;

export interface FrontmatterProblem {
  field: string;
  message: string;
}

/** Validates raw YAML data; problems name the field so the build error can point at its line. */
export function parseFrontmatter(
  data: unknown,
): { ok: true; frontmatter: Frontmatter } | { ok: false; problems: FrontmatterProblem[] } {
  const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const result = frontmatterSchema.safeParse(fields);
  if (result.success) return { ok: true, frontmatter: result.data };
  const problems = result.error.issues.flatMap((issue): FrontmatterProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: key, message: `unknown key "${key}" (allowed: ${Object.keys(frontmatterSchema.shape).join(', ')})` }));
    }
    const field = issue.path.map(String).join('.') || '(frontmatter)';
    const missing = issue.path.length === 1 && !(String(issue.path[0]) in fields);
    const message = missing ? 'is required' : issue.message;
    return [{ field, message }];
  });
  return { ok: false, problems };
}

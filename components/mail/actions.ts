'use server';

import { z } from 'zod';
import { followMailLink } from '@/lib/mail/link-actions';
import { getMailLinkContext } from '@/lib/mail/link-request';
import type { MailLinkFormState } from './form-state';

const linkSchema = z.object({ token: z.string().min(1).max(4_000) });

/** The button on a mail link's page: the only way a link changes anything. */
export async function followMailLinkAction(_previous: MailLinkFormState, form: FormData): Promise<MailLinkFormState> {
  const parsed = linkSchema.safeParse({ token: form.get('token') });
  if (!parsed.success) return { kind: 'done', ok: false, title: 'This link does not work', message: 'The form was incomplete.' };
  try {
    return { kind: 'done', ...(await followMailLink(parsed.data.token, getMailLinkContext())) };
  } catch (error) {
    console.error('A mail link could not be followed:', error);
    return { kind: 'done', ok: false, title: 'Please try again', message: 'The comments database is unavailable at the moment.' };
  }
}

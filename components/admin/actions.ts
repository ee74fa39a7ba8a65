'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { checkSignIn, endAdminSession, type SignInResult, getAdminPassword, hasAdminSession, startAdminSession } from '@/lib/admin/session';
import type { CommentFormState } from '@/lib/comments/form-state';
import { moderationDecisions } from '@/lib/comments/moderation';
import { applyModeration } from '@/lib/comments/moderation-request';
import { revalidateCommentPages } from '@/lib/comments/revalidate';
import { getCommentStore } from '@/lib/comments/store';
import { submitCommentRequest } from '@/lib/comments/submit-request';
import { commentBodySchema } from '@/lib/comments/validation';
import { getClientIp, isHttps } from '@/lib/security/client-ip';

export type SignInState = { message?: string };

async function checkSignInWhileAvailable(attempt: string, ip: string): Promise<SignInResult> {
  try {
    return await checkSignIn(getCommentStore(), attempt, ip);
  } catch {
    return { ok: false, message: 'The database is unavailable — please try again.' };
  }
}

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const password = getAdminPassword();
  if (!password) return { message: 'The admin area is disabled.' };
  const requestHeaders = await headers();
  const attempt = String(form.get('password') ?? '');
  const result = await checkSignInWhileAvailable(attempt, getClientIp(requestHeaders));
  if (!result.ok) return { message: result.message };
  await startAdminSession(password, isHttps(requestHeaders));
  redirect('/admin');
}

export async function signOut(): Promise<void> {
  await endAdminSession();
  redirect('/admin');
}

const moderationSchema = z.object({
  id: z.coerce.number().int().positive(),
  decision: z.enum(moderationDecisions),
});

const editSchema = z.object({ id: z.coerce.number().int().positive(), body: commentBodySchema });

/** Checked inside every admin action: each one is a public endpoint that anyone can call. */
async function requireAdmin(): Promise<void> {
  if (!(await hasAdminSession())) redirect('/admin');
}

export async function moderateComment(form: FormData): Promise<void> {
  await requireAdmin();
  const parsed = moderationSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return;
  await applyModeration(parsed.data.id, parsed.data.decision);
  revalidatePath('/admin');
}

export async function editCommentAsAdmin(form: FormData): Promise<void> {
  await requireAdmin();
  const parsed = editSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return;
  const edited = await getCommentStore().editBody(parsed.data.id, parsed.data.body, new Date());
  revalidateCommentPages(edited?.status === 'approved' ? [edited.postSlug] : []);
  revalidatePath('/admin');
}

/** The blogger answers a comment from /admin: published at once, as the author's. */
export async function replyAsAuthor(_previous: CommentFormState, form: FormData): Promise<CommentFormState> {
  await requireAdmin();
  const state = await submitCommentRequest(form);
  revalidatePath('/admin');
  return state;
}

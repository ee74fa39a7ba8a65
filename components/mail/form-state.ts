import type { MailLinkResult } from '@/lib/mail/link-actions';

export type MailLinkFormState = { kind: 'idle' } | ({ kind: 'done' } & MailLinkResult);

export const initialMailLinkFormState: MailLinkFormState = { kind: 'idle' };

import type { Metadata } from 'next';
import { connection } from 'next/server';
import { MailLinkPanel } from '@/components/mail/mail-link-panel';
import { type MailLinkView, viewMailLink } from '@/lib/mail/link-actions';
import { getMailLinkContext } from '@/lib/mail/link-request';

export const metadata: Metadata = { title: 'E-mail link', robots: { index: false, follow: false }, referrer: 'no-referrer' };

async function loadView(token: string): Promise<MailLinkView> {
  try {
    return await viewMailLink(token, getMailLinkContext());
  } catch (error) {
    console.error('A mail link could not be read:', error);
    return { kind: 'refused', title: 'Please try again', message: 'The comments database is unavailable at the moment.' };
  }
}

/** Where the links in Folio's messages lead: what the link would do, and a button to do it. Opening it changes nothing. */
export default async function MailLinkPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  return <MailLinkPanel token={token} view={await loadView(token)} />;
}

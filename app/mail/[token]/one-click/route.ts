import { followMailLink } from '@/lib/mail/link-actions';
import { readMailLink } from '@/lib/mail/links';
import { getMailLinkContext } from '@/lib/mail/link-request';

type Context = { params: Promise<{ token: string }> };

/** RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` here. Only unsubscribe links are taken. */
export async function POST(_request: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  const read = readMailLink(token, new Date());
  if (!('link' in read) || read.link.action !== 'unsubscribe') return new Response('This unsubscribe link does not work.\n', { status: 400 });
  const result = await followMailLink(token, getMailLinkContext());
  return new Response(`${result.title}. ${result.message}\n`, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** A person who opens the address gets the page with the button: a GET changes nothing. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  return Response.redirect(new URL(`/mail/${(await params).token}`, request.url), 303);
}

import { Agent, fetch, FormData } from 'undici';
import type { CommentField } from '@/lib/comments/validation';

// A fresh connection per request: a kept-alive one that the server closes while the test process is
// busy elsewhere fails the next POST with EPIPE, which is the test's fault and not the server's.
const dispatcher = new Agent({ pipelining: 0 });

/** The comment form of a post as the server rendered it: where it posts, and its hidden fields. */
export interface CommentFormTarget {
  pageUrl: string;
  origin: string;
  hidden: Record<string, string>;
}

export interface SubmissionResult {
  status: number;
  /** The form's message: thanks, the reason for a refusal, or the server's own refusal text. */
  message: string;
  fieldErrors: Partial<Record<CommentField, string>>;
  saved: boolean;
}

const decodeHtml = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Reads the "Leave a comment" form from the post page, as a browser without JavaScript would. */
export async function openCommentForm(baseUrl: string, slug: string): Promise<CommentFormTarget> {
  const pageUrl = `${baseUrl}/blog/${slug}`;
  const html = await (await fetch(pageUrl, { dispatcher })).text();
  const start = html.indexOf('aria-label="Leave a comment"');
  if (start < 0) throw new Error(`no comment form on ${pageUrl}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const hidden = Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((match) => [decodeHtml(match[1] ?? ''), decodeHtml(match[2] ?? '')]),
  );
  return { pageUrl, origin: baseUrl, hidden };
}

export function readResult(status: number, html: string): SubmissionResult {
  const formMessage = html.match(/<p class="[^"]*(?:error|success)[^"]*"(?: role="alert")?>([^<]*)<\/p>/)?.[1];
  const fieldErrors = Object.fromEntries(
    [...html.matchAll(/id="[^"]*-(name|email|website|body)-error"[^>]*>([^<]*)</g)].map((match) => [match[1], decodeHtml(match[2] ?? '')]),
  );
  const message = formMessage === undefined ? html.trim().slice(0, 200) : decodeHtml(formMessage);
  return { status, message, fieldErrors, saved: status === 200 && message.startsWith('Thank you!') };
}

/** Submits the form the way a browser without JavaScript does: a multipart POST to the page, answered with the page. */
export async function postComment(
  target: CommentFormTarget,
  fields: Partial<Record<CommentField, string>>,
  headers: Record<string, string> = {},
): Promise<SubmissionResult> {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...target.hidden, ...fields })) form.append(name, value);
  const response = await fetch(target.pageUrl, { method: 'POST', body: form, headers: { origin: target.origin, ...headers }, dispatcher });
  return readResult(response.status, await response.text());
}

/** The same POST with bytes of our choosing in one field, e.g. invalid UTF-8. */
export async function postRawField(target: CommentFormTarget, fields: Partial<Record<CommentField, string>>, raw: { name: CommentField; bytes: Buffer }) {
  const boundary = `----folio${Date.now().toString(16)}`;
  const part = (name: string, value: Buffer) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), value, Buffer.from('\r\n')]);
  const body = Buffer.concat([
    ...Object.entries({ ...target.hidden, ...fields }).map(([name, value]) => part(name, Buffer.from(value))),
    part(raw.name, raw.bytes),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  const response = await fetch(target.pageUrl, {
    dispatcher,
    method: 'POST',
    body,
    headers: { origin: target.origin, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  return readResult(response.status, await response.text());
}

/** Runs `tasks` with at most `limit` in flight. */
export async function inParallel<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let index = next++; index < items.length; index = next++) {
        const item = items[index];
        if (item !== undefined) await task(item, index);
      }
    }),
  );
}

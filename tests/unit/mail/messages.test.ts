import { fromHtml } from 'hast-util-from-html';
import { simpleParser } from 'mailparser';
import { visit } from 'unist-util-visit';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { buildConfirmationMessage, buildDigestMessage, buildModerationMessage, buildReplyMessage, headerText, type OutgoingMessage } from '@/lib/mail/messages';
import { toMailOptions } from '@/lib/mail/transport';
import { sanitiserViolations } from '@/tests/unit/comments/rendered-html';

/** The message as nodemailer writes it for the SMTP server, read back by a mail client's parser. */
async function composeAndParse(message: OutgoingMessage) {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const { headers, ...parts } = message;
  const info = await transport.sendMail(toMailOptions('"Ada’s blog" <blog@example.com>', { ...parts, headers: JSON.stringify(headers) }));
  const raw = (info.message as Buffer).toString('utf8');
  return { raw, parsed: await simpleParser(raw) };
}

const links = { approve: 'https://blog.example/mail/a', spam: 'https://blog.example/mail/s', delete: 'https://blog.example/mail/d' };
const hostileName = 'Mallory\r\nBcc: victim@example.com\r\nX-Injected: yes\n\nbody';
const hostileBody = '<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) "quotes" & *stars*';

function heldItem(overrides: Partial<{ authorName: string; body: string; postTitle: string }> = {}) {
  return {
    comment: { id: 7, postSlug: 'a-post', authorName: overrides.authorName ?? 'Grace Hopper', authorEmail: 'grace@example.com', authorUrl: null, body: overrides.body ?? 'Nice shed.' },
    postTitle: overrides.postTitle ?? 'Building a shed',
    links,
  };
}

/** Every element, event handler or script address in a whole HTML document that could run or load something. */
function activeContent(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html), 'element', (element) => {
    if (['script', 'img', 'iframe', 'object', 'style'].includes(element.tagName)) found.push(element.tagName);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name) || /^\s*javascript:/i.test(String(value))) found.push(`${element.tagName}[${name}]`);
    }
  });
  return found;
}

/** The names of the headers a message arrived with, in lower case. */
const headerNames = (raw: string) => [...raw.split('\r\n\r\n')[0]!.matchAll(/^([\w-]+):/gm)].map((match) => match[1]!.toLowerCase());

describe('mail messages', () => {
  it('tells the blogger who wrote what on which post, with the three links in both parts', async () => {
    const { parsed } = await composeAndParse(buildModerationMessage('blogger@example.com', heldItem()));
    expect(parsed.subject).toBe('Comment awaiting moderation on “Building a shed” from Grace Hopper');
    expect(parsed.to).toMatchObject({ value: [{ address: 'blogger@example.com' }] });
    expect(parsed.text).toContain('Grace Hopper (grace@example.com) wrote on “Building a shed”');
    expect(parsed.text).toContain('> Nice shed.');
    for (const [label, url] of [['Approve', links.approve], ['Spam', links.spam], ['Delete', links.delete]]) {
      expect(parsed.text).toContain(`${label}: ${url}`);
      expect(parsed.html).toContain(`<a href="${url}" style="font-weight: bold">${label}</a>`);
    }
  });

  it('keeps line breaks in names and titles out of the headers', async () => {
    const message = buildModerationMessage('blogger@example.com', heldItem({ authorName: hostileName, postTitle: 'Title\rX-Title: injected' }));
    expect(message.subject).not.toMatch(/[\r\n]/);
    const { raw, parsed } = await composeAndParse(message);
    expect(headerNames(raw)).not.toContain('bcc');
    expect(headerNames(raw)).not.toContain('x-injected');
    expect(headerNames(raw)).not.toContain('x-title');
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe('Comment awaiting moderation on “Title X-Title: injected” from Mallory Bcc: victim@example.com X-Injected: yes body');
    expect(parsed.to).toMatchObject({ value: [{ address: 'blogger@example.com' }] });
  });

  it('escapes names and shows comment HTML only as the sanitiser left it', async () => {
    const reply = buildReplyMessage('reader@example.com', {
      reply: { id: 9, postSlug: 'a-post', authorName: '<b onmouseover=alert(1)>Eve</b>', body: hostileBody },
      postTitle: 'A <i>post</i>',
      unsubscribe: { page: 'https://blog.example/mail/u', oneClick: 'https://blog.example/mail/u/one-click' },
    });
    const { parsed } = await composeAndParse(reply);
    const html = String(parsed.html);
    expect(html).toContain('&#x3C;b onmouseover=alert(1)>Eve&#x3C;/b>');
    expect(html).toContain('A &#x3C;i>post&#x3C;/i>');
    const body = html.slice(html.indexOf('<blockquote'), html.indexOf('</blockquote>') + '</blockquote>'.length);
    expect(sanitiserViolations(body.replace(/^<blockquote[^>]*>|<\/blockquote>$/g, ''))).toEqual([]);
    expect(activeContent(html)).toEqual([]);
    expect(parsed.text).toContain('> <script>alert(1)</script>');
  });

  it('lets mail clients unsubscribe from reply mail in one click (RFC 8058)', async () => {
    const { parsed } = await composeAndParse(
      buildReplyMessage('reader@example.com', {
        reply: { id: 9, postSlug: 'a-post', authorName: 'Ada', body: 'Thanks!' },
        postTitle: 'A post',
        unsubscribe: { page: 'https://blog.example/mail/u', oneClick: 'https://blog.example/mail/u/one-click' },
      }),
    );
    const header = (name: string) => parsed.headerLines.find((line) => line.key === name)?.line;
    expect(header('list-unsubscribe')).toBe('List-Unsubscribe: <https://blog.example/mail/u/one-click>');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(parsed.subject).toBe('Ada replied to your comment on “A post”');
    expect(parsed.text).toContain('Unsubscribe: https://blog.example/mail/u');
    expect(parsed.text).toContain('Read it on the blog: http://localhost:3000/blog/a-post#comment-9');
  });

  it('asks a reader to confirm before anything else, and lists a day of held comments in a digest', async () => {
    const confirmation = await composeAndParse(buildConfirmationMessage('reader@example.com', 'https://blog.example/mail/c'));
    expect(confirmation.parsed.text).toContain('Confirm: https://blog.example/mail/c');
    expect(confirmation.parsed.headers.has('list-unsubscribe')).toBe(false);

    const digest = await composeAndParse(buildDigestMessage('blogger@example.com', [heldItem(), heldItem({ authorName: 'Linus', body: 'Second' })]));
    expect(digest.parsed.subject).toBe('2 comments await moderation on Ada\'s blog');
    expect(digest.parsed.text).toContain('Grace Hopper');
    expect(digest.parsed.text).toContain('> Second');
    expect(String(digest.parsed.html).match(/>Approve</g)).toHaveLength(2);
  });

  it('cuts long header text and turns every control character into a space', () => {
    expect(headerText('a\u0000b\u2028c\u0085d\te')).toBe('a b c d e');
    expect(headerText('x'.repeat(500))).toHaveLength(120);
  });
});

import { describe, expect, it } from 'vitest';
import { issueMailLink, issueModerationLinks, mailLinkLifetimeMs, readMailLink } from '@/lib/mail/links';

const now = new Date('2026-03-01T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const tokenOf = (url: string) => new URL(url).pathname.split('/').at(-1)!;

describe('mail link tokens', () => {
  it('reads back the link it signed until it expires, 7 days later', () => {
    const token = issueMailLink({ action: 'confirm', address: 'reader@example.com', expiresAt: later(mailLinkLifetimeMs).getTime() });
    expect(readMailLink(token, later(mailLinkLifetimeMs - 1))).toEqual({ link: { action: 'confirm', address: 'reader@example.com', expiresAt: later(mailLinkLifetimeMs).getTime() } });
    expect(readMailLink(token, later(mailLinkLifetimeMs))).toEqual({ refused: 'expired' });
  });

  it('never expires an unsubscribe link', () => {
    const token = issueMailLink({ action: 'unsubscribe', address: 'reader@example.com' });
    expect(readMailLink(token, later(10 * 365 * 86_400_000))).toEqual({ link: { action: 'unsubscribe', address: 'reader@example.com' } });
  });

  it('refuses a link whose payload or signature was changed', () => {
    const token = issueMailLink({ action: 'unsubscribe', address: 'reader@example.com' });
    const [payload, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ action: 'unsubscribe', address: 'victim@example.com' })).toString('base64url');
    expect(readMailLink(`${forged}.${signature}`, now)).toEqual({ refused: 'invalid' });
    expect(readMailLink(`${payload}.${signature.slice(1)}`, now)).toEqual({ refused: 'invalid' });
    expect(readMailLink(payload, now)).toEqual({ refused: 'invalid' });
    expect(readMailLink('', now)).toEqual({ refused: 'invalid' });
  });

  it('gives one held comment three links that share one single-use nonce, and another message other ones', () => {
    const first = issueModerationLinks(42, now);
    const read = Object.values(first).map((url) => readMailLink(tokenOf(url), now));
    expect(read.map((result) => ('link' in result ? result.link.action : result.refused))).toEqual(['approve', 'spam', 'delete']);
    const nonces = new Set(read.map((result) => ('link' in result && 'nonce' in result.link ? result.link.nonce : undefined)));
    expect(nonces.size).toBe(1);
    const second = readMailLink(tokenOf(issueModerationLinks(42, now).approve), now);
    expect('link' in second && 'nonce' in second.link && nonces.has(second.link.nonce)).toBe(false);
    expect(first.approve).toMatch(/^http:\/\/localhost:3000\/mail\/[\w.-]+$/);
  });
});

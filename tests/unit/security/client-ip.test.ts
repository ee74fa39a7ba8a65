import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getClientIp, trustedProxyHops } from '@/lib/security/client-ip';
import { stampPeerAddresses } from '@/lib/security/peer-address.mjs';

/** A real HTTP server that answers with the address Folio would rate-limit, for a given proxy count. */
let server: http.Server;
let base: string;

beforeAll(async () => {
  stampPeerAddresses();
  server = http.createServer((request, response) => {
    const headers = new Headers(Object.entries(request.headers).map(([name, value]): [string, string] => [name, String(value)]));
    response.end(getClientIp(headers, Number(request.headers['x-test-hops'])));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function addressSeen(hops: number, headers: Record<string, string> = {}): Promise<string> {
  return (await fetch(base, { headers: { 'x-test-hops': String(hops), ...headers } })).text();
}

describe('the address a request is counted under', () => {
  it('is the connection’s own address when no proxy is trusted, whatever the client claims', async () => {
    expect(await addressSeen(0)).toBe('127.0.0.1');
    expect(await addressSeen(0, { 'x-forwarded-for': '203.0.113.7' })).toBe('127.0.0.1');
    expect(await addressSeen(0, { 'x-folio-peer-address': '203.0.113.8' })).toBe('127.0.0.1');
  });

  it('behind one proxy, is the address the proxy appended, not what the client put before it', async () => {
    expect(await addressSeen(1, { 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7');
    expect(await addressSeen(1, { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })).toBe('203.0.113.7');
    expect(await addressSeen(2, { 'x-forwarded-for': '198.51.100.1, 203.0.113.7, 10.0.0.2' })).toBe('203.0.113.7');
  });

  it('on a serverless host, without the connection’s address, is the platform’s forwarded address', () => {
    expect(getClientIp(new Headers({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }), 1)).toBe('203.0.113.7');
  });

  it('reads the number of proxies from FOLIO_TRUSTED_PROXIES, trusting none by default', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ FOLIO_TRUSTED_PROXIES: '1' })).toBe(1);
    expect(trustedProxyHops({ FOLIO_TRUSTED_PROXIES: 'yes' })).toBe(0);
  });
});

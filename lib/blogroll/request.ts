import { fetch, type Response } from 'undici';

export type FeedResponse =
  | { status: 'not-modified' }
  | { status: 'ok'; body: string; etag?: string; lastModified?: string };

const accept = [
  'application/feed+json',
  'application/atom+xml',
  'application/rss+xml',
  'application/xml;q=0.9',
  'text/xml;q=0.9',
  'application/json;q=0.8',
  '*/*;q=0.5',
].join(', ');

/** No real feed comes near this; a larger one is refused rather than read into memory. */
export const maxFeedBytes = 5 * 1024 * 1024;

async function readLimitedText(body: NonNullable<Response['body']>): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxFeedBytes) throw new Error(`larger than ${maxFeedBytes / 1024 / 1024} MB`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A conditional GET of a feed. It uses undici directly rather than the global
 * `fetch`, which Next patches with its own data cache: that cache would keep
 * serving the first copy of a feed to later builds.
 */
export async function requestFeed(
  url: string,
  validators: { etag?: string; lastModified?: string },
  signal: AbortSignal,
): Promise<FeedResponse> {
  const headers: Record<string, string> = { accept, 'user-agent': 'Folio blogroll' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const response = await fetch(url, { headers, signal });
  if (response.status === 304) {
    await response.body?.cancel();
    return { status: 'not-modified' };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status}`);
  }
  if (Number(response.headers.get('content-length') ?? 0) > maxFeedBytes || !response.body) {
    await response.body?.cancel();
    throw new Error(response.body ? `larger than ${maxFeedBytes / 1024 / 1024} MB` : 'empty response');
  }
  return {
    status: 'ok',
    body: await readLimitedText(response.body),
    etag: response.headers.get('etag') ?? undefined,
    lastModified: response.headers.get('last-modified') ?? undefined,
  };
}

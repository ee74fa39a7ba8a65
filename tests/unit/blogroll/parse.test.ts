import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeedSnapshot } from '@/lib/blogroll/parse';

const fixture = (name: string) => readFile(path.resolve('tests/fixtures/blogroll', name), 'utf8');
const feedUrl = 'https://feeds.example/feed';

describe('parseFeedSnapshot', () => {
  it('reads RSS 2.0: the blog, and its newest article whatever the order of items', async () => {
    expect(parseFeedSnapshot(await fixture('rss.xml'), feedUrl)).toEqual({
      title: 'Rivers & Roads',
      homepage: 'https://rivers.example/',
      latest: {
        title: 'The newest walk',
        url: 'https://rivers.example/newest-walk',
        summary: 'A short loop around the lake.',
        published: '2024-09-12T16:00:00.000Z',
      },
    });
  });

  it('reads Atom 1.0, cutting a long summary at a word boundary', async () => {
    const { title, homepage, latest } = parseFeedSnapshot(await fixture('atom.xml'), feedUrl);
    expect({ title, homepage }).toEqual({ title: 'The Go Blog', homepage: 'https://go.example/blog/' });
    expect(latest).toMatchObject({ title: 'New unique package', url: 'https://go.example/blog/unique', published: '2024-08-27T00:00:00.000Z' });
    expect(latest?.summary).toBe(
      'The standard library of Go 1.23 now includes the new unique package. The purpose behind this package is to enable the canonicalization of comparable values. In other words, this package lets you deduplicate values so that they point to a single, canonical…',
    );
  });

  it('reads JSON Feed', async () => {
    expect(parseFeedSnapshot(await fixture('feed.json'), feedUrl)).toEqual({
      title: 'Notes from the Bench',
      homepage: 'https://bench.example/',
      latest: {
        title: 'Cutting dovetails by hand',
        url: 'https://bench.example/dovetails',
        summary: 'Saw to the line, then pare.',
        published: '2024-09-05T09:00:00.000Z',
      },
    });
  });

  it('turns scripts, markup and entities into harmless text and skips non-web links', async () => {
    const { title, latest } = parseFeedSnapshot(await fixture('script.xml'), feedUrl);
    expect(title).toBe('Tricky Feed');
    expect(latest).toEqual({
      title: 'Fish & chips',
      url: 'https://tricky.example/fish',
      summary: 'Salt & vinegar — “proper” chips… Served in paper.',
      published: '2024-09-01T12:00:00.000Z',
    });
  });

  it('names an untitled note by the start of its text', () => {
    const note = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Notes',
      items: [{ id: '1', url: 'https://notes.example/1', content_text: 'Just a quick thought about shed roofs and rain.' }],
    });
    expect(parseFeedSnapshot(note, feedUrl).latest?.title).toBe('Just a quick thought about shed roofs and rain.');
  });

  it('rejects malformed XML and documents that are no feed', async () => {
    const malformed = await fixture('malformed.xml');
    expect(() => parseFeedSnapshot(malformed, feedUrl)).toThrow();
    expect(() => parseFeedSnapshot('<html><body>Not a feed</body></html>', feedUrl)).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { lastPathSegment, matchPost } from '@/lib/comments/import/match-posts';

describe('matchPost', () => {
  const posts = new Set(['plain-text-notes', 'garden-shed']);

  it.each([
    ['the post address on another host, with a trailing slash', 'https://old.example.org/blog/plain-text-notes/'],
    ['a WordPress permalink with a query string and fragment', 'http://www.old.example.net/2022/10/03/plain-text-notes/?utm_source=feed#comments'],
    ['a path alone', '/blog/plain-text-notes'],
    ['a bare slug', 'plain-text-notes'],
    ['an upper-case, encoded or .html address', 'https://old.example.org/Plain%2DText%2DNotes.html'],
  ])('matches %s', (_, link) => {
    expect(matchPost([link], posts)).toBe('plain-text-notes');
  });

  it('takes the first hint that names a post, and none when none does', () => {
    expect(matchPost(['', 'https://old.example.org/?p=142', 'garden-shed'], posts)).toBe('garden-shed');
    expect(matchPost(['https://old.example.org/about/', 'about', '%E0%A4%A'], posts)).toBeUndefined();
    expect(matchPost(['https://old.example.org/'], posts)).toBeUndefined();
  });

  it('reads a segment that is not valid percent-encoding as it is', () => {
    expect(lastPathSegment('/blog/100%-cotton')).toBe('100%-cotton');
  });
});

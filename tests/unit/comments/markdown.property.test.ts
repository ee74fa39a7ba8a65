import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxCommentNesting, renderCommentBody } from '@/lib/comments/markdown';
import { maxBodyLength } from '@/tests/fixtures/comments/pathological-markdown';
import { maxDepthOf, sanitiserViolations } from './rendered-html';

/** Pieces of Markdown that open, close or interrupt structure, and some that pretend to. */
const pieces = [
  '>', '> ', '- ', '* ', '+ ', '1. ', '2) ', '    ', '\t', ' ', '\n', '\n\n', '*', '**', '_', '__', '[', ']', '](',
  '](https://example.com)', '](javascript:alert(1))', ')', '![', '`', '```', '~~~', '<', '>', '<a@b.c>', '<https://x.example>',
  '<script>', '<img src=x onerror=alert(1)>', '&#', '&amp;', '\\', '#', '=', '---', '|', '[ref]: https://r.example', '[ref]',
  'word', 'two words', '"', "'",
];

/** A body built from pieces: every shape of nesting and every kind of unclosed delimiter, mixed. */
const mixedBody = fc.array(fc.constantFrom(...pieces), { maxLength: 1_500 }).map((parts) => parts.join('').slice(0, maxBodyLength));

/** One to three long runs of one piece each: the deepest nesting and the longest delimiter runs. */
const runsBody = fc
  .array(fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 1, max: maxBodyLength })), { minLength: 1, maxLength: 3 })
  .map((runs) => runs.map(([piece, count]) => piece.repeat(Math.ceil(count / piece.length))).join('').slice(0, maxBodyLength));

const anyBody = fc.oneof(mixedBody, runsBody, fc.string({ maxLength: maxBodyLength, unit: 'binary' }));

/** Far above what a bounded renderer needs even on a busy machine; an unbounded one takes seconds here. */
const sanityCapMs = 2_000;

describe('renderCommentBody on generated hostile Markdown up to the size limit', () => {
  it('renders as Markdown without throwing, within the nesting caps and the sanitiser’s rules', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        const started = performance.now();
        const rendered = renderCommentBody(body);
        const elapsed = performance.now() - started;
        expect(rendered.asPlainText).toBe(false);
        expect(maxDepthOf(rendered.html, ['blockquote', 'ul', 'ol'])).toBeLessThanOrEqual(maxCommentNesting);
        expect(maxDepthOf(rendered.html, ['em', 'strong', 'a'])).toBeLessThanOrEqual(maxCommentNesting);
        expect(sanitiserViolations(rendered.html)).toEqual([]);
        expect(elapsed).toBeLessThan(sanityCapMs);
      }),
      { numRuns: 150 },
    );
  });
});

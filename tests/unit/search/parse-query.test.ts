import { describe, expect, it } from 'vitest';
import { isSearchable, maxQueryLength, parsePageNumber, parseQuery } from '@/lib/search/parse-query';

describe('parseQuery', () => {
  it('folds case and accents, and leaves out words too common to index', () => {
    expect(parseQuery('The CAFÉ of Crème Brûlée')).toMatchObject({ text: 'The CAFÉ of Crème Brûlée', words: ['cafe', 'creme', 'brulee'], phrases: [] });
  });

  it('takes quoted phrases whole, common words kept, in straight or curly quotes', () => {
    const query = parseQuery('notes "A year of plain text" “build time”');
    expect(query.phrases).toEqual([
      ['a', 'year', 'of', 'plain', 'text'],
      ['build', 'time'],
    ]);
    expect(query.words).toEqual(['notes']);
  });

  it('reads an unclosed quote as plain words', () => {
    expect(parseQuery('"plain text')).toMatchObject({ words: ['plain', 'text'], phrases: [] });
  });

  it('splits words on punctuation as the index does, and drops repeats', () => {
    expect(parseQuery('plain-text, plain.text!').words).toEqual(['plain', 'text']);
  });

  it('cuts a 10,000-character query to the longest a reader could type, whole characters only', () => {
    const query = parseQuery('🙂'.repeat(10_000));
    expect([...query.text]).toHaveLength(maxQueryLength);
    expect(query.text).not.toMatch(/[\ud800-\udfff](?![\udc00-\udfff])/u);
    expect(parseQuery('word '.repeat(2_000)).words).toEqual(['word']);
  });

  it('turns control and invisible characters into spaces', () => {
    const query = parseQuery('shed\u0000roof\u0007\u200b\u202e\ufeffdoor\r\n\tfelt\ud800');
    expect(query.text).toBe('shed roof door felt');
    expect(query.words).toEqual(['shed', 'roof', 'door', 'felt']);
  });

  it('has nothing to search for in an empty query, punctuation or only common words', () => {
    for (const raw of [undefined, '', '   ', '?!…—"";:()[]{}<>', '"the of a"', 'the and of', ['', 'second'], 42, { q: 'x' }]) {
      expect(isSearchable(parseQuery(raw)), JSON.stringify(raw)).toBe(false);
    }
    expect(isSearchable(parseQuery('"the shed"'))).toBe(true);
  });

  it('reads the first of repeated q parameters', () => {
    expect(parseQuery(['shed', 'roof']).words).toEqual(['shed']);
  });
});

describe('parsePageNumber', () => {
  it.each([
    ['3', 3],
    [undefined, 1],
    ['0', 1],
    ['-2', 1],
    ['1.5', 1],
    ['abc', 1],
    ['1e400', 1],
    ['99999999999999999999', 1],
    [['2', '7'], 2],
  ])('reads %j as page %i', (raw, page) => {
    expect(parsePageNumber(raw)).toBe(page);
  });
});

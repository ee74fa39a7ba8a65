import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@/lib/content/frontmatter';

describe('parseFrontmatter', () => {
  it('accepts a full frontmatter and fills defaults', () => {
    const result = parseFrontmatter({ title: 'Hello', date: '2022-10-03', tags: ['a'], updated: '2023-01-01', description: 'x' });
    expect(result).toEqual({
      ok: true,
      frontmatter: { title: 'Hello', date: '2022-10-03', tags: ['a'], updated: '2023-01-01', description: 'x', draft: false },
    });
  });

  it('accepts dates that YAML already parsed into Date objects', () => {
    const result = parseFrontmatter({ title: 'Hello', date: new Date('2022-10-03T00:00:00Z') });
    expect(result.ok && result.frontmatter.date).toBe('2022-10-03');
  });

  it.each([
    [{ date: '2022-10-03' }, 'title', 'is required'],
    [{ title: 'x' }, 'date', 'is required'],
    [{ title: 'x', date: '3 Oct 2022' }, 'date', 'YYYY-MM-DD'],
    [{ title: 'x', date: '2022-02-31' }, 'date', 'not a real calendar date'],
    [{ title: 'x', date: '2022-10-03', draft: 'yes' }, 'draft', 'boolean'],
    [{ title: 'x', date: '2022-10-03', tags: 'one' }, 'tags', 'array'],
    [{ title: 'x', date: '2022-10-03', categroy: 'typo' }, 'categroy', 'unknown key'],
  ])('rejects %j naming the field %s', (data, field, message) => {
    const result = parseFrontmatter(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.field).toBe(field);
    expect(result.problems[0]?.message).toContain(message);
  });
});

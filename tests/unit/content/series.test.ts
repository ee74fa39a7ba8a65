import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@/lib/content/frontmatter';
import { findOrderClashes, groupSeries, type SeriesMember } from '@/lib/content/series-order';

const part = (title: string, date: string, series?: string, seriesOrder?: number, draft = false) => ({ title, date, series, seriesOrder, draft, slug: title.toLowerCase() });

describe('groupSeries', () => {
  it('groups posts by series, in seriesOrder, then date, then title; series A to Z; posts in none left out', () => {
    const groups = groupSeries([
      part('Walls', '2024-04-27', 'Building the shed', 2),
      part('Unrelated', '2024-05-01'),
      part('Base', '2024-04-06', 'Building the shed', 1),
      part('Roof', '2024-03-02', 'building the Shed'),
      part('Door', '2024-05-18', 'Building the shed', 3),
      part('Basil', '2023-06-01', 'A herb garden'),
      part('Angelica', '2023-06-01', 'A herb garden'),
    ]);
    expect(groups.map((group) => [group.name, group.slug, group.parts.map((post) => post.title)])).toEqual([
      ['A herb garden', 'a-herb-garden', ['Angelica', 'Basil']],
      ['Building the shed', 'building-the-shed', ['Base', 'Walls', 'Door', 'Roof']],
    ]);
  });
});

describe('findOrderClashes', () => {
  const clashes = (posts: (SeriesMember & { draft: boolean; slug: string })[]) =>
    findOrderClashes(posts).map((clash) => [clash.post.slug, clash.order, clash.others.map((other) => other.slug)]);

  it('names every published post that claims a place another published post claims', () => {
    expect(
      clashes([part('Base', '2024-04-06', 'Shed', 1), part('Walls', '2024-04-27', 'Shed', 1), part('Door', '2024-05-18', 'Shed', 2), part('Other', '2024-05-18', 'Other', 1)]),
    ).toEqual([
      ['base', 1, ['walls']],
      ['walls', 1, ['base']],
    ]);
  });

  it('leaves the fix to the draft when a draft takes a published post’s place', () => {
    expect(clashes([part('Base', '2024-04-06', 'Shed', 1), part('Roof', '2024-03-02', 'Shed', 1, true)])).toEqual([['roof', 1, ['base']]]);
  });

  it('finds no clash among posts without an order', () => {
    expect(clashes([part('Base', '2024-04-06', 'Shed'), part('Walls', '2024-04-06', 'Shed')])).toEqual([]);
  });
});

describe('series frontmatter', () => {
  const base = { title: 'x', date: '2024-01-01' };
  it('accepts a series with or without an order', () => {
    expect(parseFrontmatter({ ...base, series: ' Building the shed ', seriesOrder: 2 })).toMatchObject({ ok: true, frontmatter: { series: 'Building the shed', seriesOrder: 2 } });
    expect(parseFrontmatter({ ...base, series: 'Building the shed' }).ok).toBe(true);
  });

  it.each([
    [{ series: '' }, 'series', 'must not be empty'],
    [{ series: '   ' }, 'series', 'must not be empty'],
    [{ series: 'Shed', seriesOrder: 0 }, 'seriesOrder', '1 or more'],
    [{ series: 'Shed', seriesOrder: 1.5 }, 'seriesOrder', 'whole number'],
    [{ series: 'Shed', seriesOrder: 'two' }, 'seriesOrder', 'number'],
    [{ seriesOrder: 2 }, 'seriesOrder', 'needs a "series"'],
  ])('rejects %j naming the field %s', (data, field, message) => {
    const result = parseFrontmatter({ ...base, ...data });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.field).toBe(field);
    expect(result.problems[0]?.message).toContain(message);
  });
});

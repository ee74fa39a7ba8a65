import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '@/lib/content/read-frontmatter';

const file = 'content/posts/broken.mdx';

describe('readFrontmatter on malformed posts', () => {
  it('names the file and line of YAML that does not parse', () => {
    const source = '---\ntitle: Fine\ndate: [2024-01-01\ntags: x\n---\n\nBody';
    expect(() => readFrontmatter(file, source)).toThrow(/^content\/posts\/broken\.mdx:\d+:\d+: frontmatter is not valid YAML/);
  });

  it('names the file, line and field of a value of the wrong kind', () => {
    const source = '---\ntitle: Fine\ndate: not a date\n---\n\nBody';
    expect(() => readFrontmatter(file, source)).toThrow(/^content\/posts\/broken\.mdx:3:1: frontmatter "date"/);
  });

  it('names the line of a date that is not a real day, rather than rolling it over into one', () => {
    const source = '---\ntitle: Fine\ndate: 2024-13-45\n---\n\nBody';
    expect(() => readFrontmatter(file, source)).toThrow(/^content\/posts\/broken\.mdx:3:1: frontmatter "date" is not a real calendar date/);
  });

  it('reads a real date as that day', () => {
    const { frontmatter } = readFrontmatter(file, '---\ntitle: Fine\ndate: 2024-02-29\n---\n\nBody');
    expect(frontmatter.date).toBe('2024-02-29');
  });

  it('names the file when the frontmatter is missing its title', () => {
    expect(() => readFrontmatter(file, '---\ndate: 2024-01-01\n---\n\nBody')).toThrow(/^content\/posts\/broken\.mdx:\d+(:\d+)?: frontmatter "title"/);
  });
});

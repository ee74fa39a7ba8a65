import { describe, expect, it } from 'vitest';
import { compilePost } from '@/lib/content/compile';
import { describePost } from '@/lib/share/post-metadata';

const file = `${process.cwd()}/content/posts/example.mdx`;

async function descriptionOf(source: string) {
  const { frontmatter, firstParagraph } = await compilePost(file, source);
  return describePost({ description: frontmatter.description, firstParagraph });
}

describe('a post’s description', () => {
  it('is the frontmatter description when there is one', async () => {
    const source = '---\ntitle: T\ndate: 2024-01-02\ndescription: Written by hand.\n---\n\nThe body.\n';
    expect(await descriptionOf(source)).toBe('Written by hand.');
  });

  it('else is the first paragraph as plain text, skipping images and headings, cut at a word', async () => {
    const words = Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ');
    const source = `---\ntitle: T\ndate: 2024-01-02\n---\n\n## A heading\n\n![A sketch](/images/shed-sketch.svg)\n\nThe **first** paragraph with \`code\`, a [link](/x) and a note.[^1] ${words}\n\n[^1]: A note.\n`;
    const description = await descriptionOf(source);
    expect(description.startsWith('The first paragraph with code, a link and a note. word0 word1')).toBe(true);
    expect(description.length).toBeLessThanOrEqual(160);
    expect(description).toMatch(/ word\d+…$/);
  });
});

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PostBody } from '@/components/post-body';
import { compilePost } from '@/lib/content/compile';
import { PostError } from '@/lib/content/post-error';

const file = `${process.cwd()}/content/posts/example.mdx`;

function post(body: string, frontmatter = 'title: Example\ndate: 2024-01-02') {
  return `---\n${frontmatter}\n---\n\n${body}\n`;
}

async function renderPost(body: string) {
  const compiled = await compilePost(file, post(body));
  return { compiled, html: renderToStaticMarkup(<PostBody code={compiled.code} />) };
}

async function compileError(source: string): Promise<PostError> {
  const error = await compilePost(file, source).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PostError);
  return error as PostError;
}

describe('compilePost renders every feature a post can use', () => {
  it('gives headings ids and anchor links, and collects h2/h3 for the table of contents', async () => {
    const { compiled, html } = await renderPost('## First part\n\ntext\n\n### A detail\n\n#### Too deep\n');
    expect(html).toContain('<h2 id="first-part">First part<a class="heading-anchor"');
    expect(html).toContain('href="#first-part"');
    expect(compiled.toc).toEqual([
      { depth: 2, id: 'first-part', text: 'First part' },
      { depth: 3, id: 'a-detail', text: 'A detail' },
    ]);
  });

  it('numbers footnotes and links each note back to its reference, without listing them in the contents', async () => {
    const { compiled, html } = await renderPost('## Part\n\nA claim.[^one] Another.[^two]\n\n[^one]: First note.\n[^two]: Second note.\n');
    expect(html).toMatch(/<sup><a href="#user-content-fn-one" id="user-content-fnref-one"[^>]*>1<\/a><\/sup>/);
    expect(html).toMatch(/<sup><a href="#user-content-fn-two" id="user-content-fnref-two"[^>]*>2<\/a><\/sup>/);
    expect(html).toMatch(/<li id="user-content-fn-one">[\s\S]*First note\.[\s\S]*href="#user-content-fnref-one"[^>]*>↩<\/a>/);
    expect(compiled.toc.map((entry) => entry.id)).toEqual(['part']);
  });

  it('highlights fenced code at build time with a light and a dark colour per token', async () => {
    const { html } = await renderPost('```ts\nconst answer: number = 42;\n```\n\nInline `code` too.');
    expect(html).toContain('data-language="ts"');
    expect(html).toMatch(/<span style="--shiki-light:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6}">const<\/span>/);
    expect(html).toContain('<code>code</code>');
  });

  it('renders GFM tables, lists and blockquotes', async () => {
    const { html } = await renderPost('| a | b |\n| - | -: |\n| 1 | 2 |\n\n1. one\n2. two\n\n- dot\n\n> quoted');
    expect(html).toContain('<table>');
    expect(html).toContain('<td style="text-align:right">2</td>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<ul>');
    expect(html).toContain('<blockquote>');
  });

  it('gives images from public/ their real dimensions so nothing shifts while they load', async () => {
    const { html } = await renderPost('![A shed](/images/shed-sketch.svg)');
    expect(html).toContain('<img src="/images/shed-sketch.svg" alt="A shed" width="640" height="400" loading="lazy" decoding="async"/>');
  });

  it('renders the components Folio provides', async () => {
    const { html } = await renderPost(
      '<Callout type="warning">Mind the gap.</Callout>\n\n<Figure src="/images/shed-plan.svg" alt="Plan" width={640} height={360} caption="The plan" />',
    );
    expect(html).toContain('<aside class="callout callout-warning" aria-label="Warning">');
    expect(html).toContain('<figcaption>The plan</figcaption>');
  });

});

describe('compilePost collects the text search indexes', () => {
  it('keeps the words a reader sees, a line per block, and leaves out anchors, footnote numbers and code in braces', async () => {
    const { text } = await compilePost(
      file,
      post(
        '## First part\n\nA claim.[^one] With `inline code`.\n\n{/* a comment only the writer sees */}\n\n<Callout type="tip">Mind the gap.</Callout>\n\n```ts\nconst roof = 2;\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[^one]: The note.',
      ),
    );
    expect(text.split('\n')).toEqual(['First part', 'A claim. With inline code.', 'Mind the gap.', 'const roof = 2;', 'a', 'b', '1', '2', 'The note.']);
  });
});

describe('compilePost reports broken posts with file, line and problem', () => {
  it('names the line of an invalid frontmatter field', async () => {
    const error = await compileError(post('Body', 'title: Example\ndate: 03/10/2022'));
    expect(error.message).toBe('content/posts/example.mdx:3:1: frontmatter "date" must be a date written YYYY-MM-DD');
  });

  it('rejects unknown frontmatter keys', async () => {
    const error = await compileError(post('Body', 'title: Example\ndate: 2024-01-02\nauthor: me'));
    expect(error.message).toMatch(/^content\/posts\/example\.mdx:4:1: frontmatter "author" unknown key "author"/);
  });

  it('points at YAML syntax errors', async () => {
    const error = await compileError(post('Body', 'title: [unclosed\ndate: 2024-01-02'));
    expect(error.message).toMatch(/^content\/posts\/example\.mdx:\d+:\d+: frontmatter is not valid YAML/);
  });

  it('points at MDX syntax errors', async () => {
    const error = await compileError(post('Fine line.\n\nBroken <span>tag here.\n'));
    expect(error.line).toBe(8);
    expect(error.message).toMatch(/^content\/posts\/example\.mdx:8:\d+: .*<span>/);
  });

  it('points at unknown components before anything renders', async () => {
    const error = await compileError(post('Intro.\n\n<Chart data={[1, 2]} />\n'));
    expect(error.message).toBe(
      'content/posts/example.mdx:8:1: Unknown component <Chart>: use one of <Figure>, <Callout>, or import it in the post',
    );
  });

  it('names images that are missing from public/', async () => {
    const error = await compileError(post('![gone](/images/missing.png)'));
    expect(error.message).toMatch(/^content\/posts\/example\.mdx:6:1: Image \/images\/missing\.png was not found in public\//);
  });
});

import { fromHtml } from 'hast-util-from-html';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PostBody } from '@/components/post-body';
import { compilePost } from '@/lib/content/compile';
import { renderFeedHtml, toFeedHtml } from '@/lib/feeds/feed-html';

const everyFeature = `---
title: Every feature
date: 2024-01-02
---

## A heading

A claim.[^note] Some \`inline code\`, **bold**, _emphasis_ and a [link](/tags/tools "Tools").

| left | right |
| - | -: |
| 1 | 2 |

\`\`\`ts
const answer: number = 42;
\`\`\`

<Callout type="tip" title="Mind the gap">Text in a callout.</Callout>

<Figure src="/images/shed-plan.svg" alt="A plan" width={640} height={360} caption={<>A <em>caption</em></>} />

<p style={{ textAlign: 'center', '--accent': 'red' }} data-flag={true} hidden={false}>Styled</p>

[^note]: The note.
`;

const postUrl = 'https://blog.example/blog/every-feature';

describe('renderFeedHtml', () => {
  it('carries the body the page shows, as react-dom/server writes it, made readable away from the page', async () => {
    const { code } = await compilePost(`${process.cwd()}/content/posts/every-feature.mdx`, everyFeature);
    const html = await renderFeedHtml(code, postUrl);
    expect(html).toBe(toFeedHtml(fromHtml(renderToStaticMarkup(<PostBody code={code} />), { fragment: true }), postUrl));
    expect(html).toContain('<p style="text-align:center;--accent:red" data-flag="true">Styled</p>');
    expect(html).toContain('<aside class="callout callout-tip" aria-label="Mind the gap">');
  });
});

describe('renderFeedHtml on the sample posts', () => {
  const directory = path.join(process.cwd(), 'content/posts');
  it.each(readdirSync(directory).filter((name) => name.endsWith('.mdx')))('%s reads in a feed as react-dom/server would write it', async (name) => {
    const file = path.join(directory, name);
    const { code } = await compilePost(file, readFileSync(file, 'utf8'));
    const url = `https://blog.example/blog/${path.basename(name, '.mdx')}`;
    expect(await renderFeedHtml(code, url)).toBe(toFeedHtml(fromHtml(renderToStaticMarkup(<PostBody code={code} />), { fragment: true }), url));
  });
});

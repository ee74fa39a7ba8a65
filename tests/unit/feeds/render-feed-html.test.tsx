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
    expect(html).toBe(toFeedHtml(renderToStaticMarkup(<PostBody code={code} />), postUrl));
    expect(html).toContain('<p style="text-align:center;--accent:red" data-flag="true">Styled</p>');
    expect(html).toContain('<aside class="callout callout-tip" aria-label="Mind the gap">');
  });
});

import path from 'node:path';
import type { Element } from 'hast';
import { bundleMDX } from 'mdx-bundler';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypePrettyCode from 'rehype-pretty-code';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import { postComponentNames } from './components-list';
import type { Frontmatter } from './frontmatter';
import { PostError } from './post-error';
import { isFootnoteLabel, rehypeCollectHeadings, type TocEntry } from './rehype-collect-headings';
import { rehypeImageDimensions } from './rehype-image-dimensions';
import { remarkFirstParagraph } from './remark-first-paragraph';
import { remarkKnownComponents } from './remark-known-components';
import { readFrontmatter } from './read-frontmatter';

export interface CompiledPost {
  frontmatter: Frontmatter;
  /** The function body mdx-bundler produced; rendered on the server by `PostBody`. */
  code: string;
  toc: TocEntry[];
  /** Plain text of the first paragraph: the description when the frontmatter has none. */
  firstParagraph: string;
}

/** Everything that changes the compiled output besides the source: part of the cache key. */
export const pipelineOptions = {
  revision: 4,
  codeThemes: { light: 'github-light', dark: 'github-dark' },
  components: postComponentNames,
  headingAnchor: { behavior: 'append', className: 'heading-anchor' },
} as const;

interface EsbuildFailure {
  errors?: Array<{
    text: string;
    location?: { line: number; column: number } | null;
    /** @mdx-js/esbuild wraps the MDX problem; its `cause` holds the reason worth showing. */
    detail?: { cause?: { reason?: string } };
  }>;
}

function toPostError(file: string, error: unknown): PostError {
  const first = (error as EsbuildFailure).errors?.[0];
  if (first) {
    // esbuild columns are 0-based; editors count from 1.
    const location = first.location ? { line: first.location.line, column: first.location.column + 1 } : {};
    return new PostError(file, first.detail?.cause?.reason ?? first.text, location);
  }
  return new PostError(file, error instanceof Error ? error.message : String(error));
}

/** Compiles one post's MDX source. Throws `PostError` naming file, line and problem. */
export async function compilePost(file: string, source: string): Promise<CompiledPost> {
  const { frontmatter } = readFrontmatter(file, source);

  const toc: TocEntry[] = [];
  const firstParagraph = { text: '' };
  let bundled;
  try {
    bundled = await bundleMDX({
      source: new VFile({ value: source, path: file }),
      cwd: path.dirname(file),
      mdxOptions(options) {
        options.remarkPlugins = [
          ...(options.remarkPlugins ?? []),
          remarkGfm,
          [remarkKnownComponents, { provided: pipelineOptions.components }],
          [remarkFirstParagraph, { into: firstParagraph }],
        ];
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          [rehypeImageDimensions, { publicDirectory: path.join(process.cwd(), 'public') }],
          rehypeSlug,
          [rehypeCollectHeadings, { into: toc }],
          [
            rehypeAutolinkHeadings,
            {
              behavior: pipelineOptions.headingAnchor.behavior,
              test: (element: Element) => !isFootnoteLabel(element),
              properties: { className: [pipelineOptions.headingAnchor.className], ariaHidden: 'true', tabIndex: -1 },
              content: { type: 'text', value: '#' },
            },
          ],
          [rehypePrettyCode, { theme: pipelineOptions.codeThemes, keepBackground: false, defaultLang: { block: 'plaintext' } }],
        ];
        return options;
      },
      esbuildOptions(options) {
        options.target = 'es2022';
        options.logLevel = 'silent';
        return options;
      },
    });
  } catch (error) {
    throw toPostError(file, error);
  }

  return { frontmatter, code: bundled.code, toc, firstParagraph: firstParagraph.text };
}

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import type { Element } from 'hast';
import { bundleMDX } from 'mdx-bundler';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypePrettyCode from 'rehype-pretty-code';
import type { ShikiTransformer } from 'shiki';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import { renderFeedHtml } from '@/lib/feeds/feed-html';
import { postUrl } from '@/lib/share/urls';
import type { Frontmatter } from './frontmatter';
import { pipelineOptions } from './pipeline-options';
import { PostError } from './post-error';
import { isFootnoteLabel, rehypeCollectHeadings, type TocEntry } from './rehype-collect-headings';
import { rehypeCollectText } from './rehype-collect-text';
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
  /** Plain text of the whole body, a line per block: what search indexes. */
  text: string;
  /** Files the post imports (its own components, data), with a digest of what they held when it compiled. */
  dependencies: PostDependency[];
  /** The body as feeds carry it, its links absolute: rendered here, once, so that feeds only read it. */
  feedHtml: string;
}

export interface PostDependency {
  /** Relative to the post's folder, which moves with the build output. */
  file: string;
  digest: string;
}

export function digestOf(contents: Buffer | string): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** Notes each file of the post's own that esbuild loads, leaving the loading to the plugins after it. */
function recordImports(postDirectory: string, into: Set<string>): Plugin {
  return {
    name: 'folio-record-imports',
    setup(build) {
      build.onLoad({ filter: /.*/ }, ({ path: file, namespace }) => {
        const relative = path.relative(postDirectory, file);
        if (namespace === 'file' && !relative.startsWith('..') && !relative.split(path.sep).includes('node_modules')) into.add(file);
        return undefined;
      });
    },
  };
}

async function describeDependencies(postFile: string, files: Iterable<string>): Promise<PostDependency[]> {
  const directory = path.dirname(postFile);
  return Promise.all(
    [...files].sort().map(async (file) => ({ file: path.relative(directory, file), digest: digestOf(await readFile(file)) })),
  );
}

/**
 * Shiki stops colouring a line that takes too long to tokenize; on a loaded machine that left lines
 * half coloured, and the compile cache kept them so. Highlighting happens once per post: let it finish.
 */
const withoutTokenizeTimeLimit: ShikiTransformer = {
  name: 'folio:without-tokenize-time-limit',
  preprocess(code, options) {
    options.tokenizeTimeLimit = 0;
    return code;
  },
};

/** Whether every file the post imported still holds what it held when the post compiled. */
export async function dependenciesUnchanged(postFile: string, dependencies: PostDependency[]): Promise<boolean> {
  const directory = path.dirname(postFile);
  const current = await Promise.all(
    dependencies.map(({ file }) => readFile(path.join(/*turbopackIgnore: true*/ directory, file)).then(digestOf, () => undefined)),
  );
  return dependencies.every(({ digest }, index) => current[index] === digest);
}

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

/** Compiles one post's MDX source, and renders it for feeds. Throws `PostError` naming file, line and problem. */
export async function compilePost(file: string, source: string): Promise<CompiledPost> {
  const { frontmatter } = readFrontmatter(file, source);

  const toc: TocEntry[] = [];
  const firstParagraph = { text: '' };
  const body = { text: '' };
  const imported = new Set<string>();
  let bundled;
  let feedHtml;
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
          [rehypeCollectText, { into: body }],
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
          [
            rehypePrettyCode,
            { theme: pipelineOptions.codeThemes, keepBackground: false, defaultLang: { block: 'plaintext' }, transformers: [withoutTokenizeTimeLimit] },
          ],
        ];
        return options;
      },
      esbuildOptions(options) {
        options.target = 'es2022';
        options.plugins = [recordImports(path.dirname(file), imported), ...(options.plugins ?? [])];
        options.logLevel = 'silent';
        return options;
      },
    });
    feedHtml = await renderFeedHtml(bundled.code, postUrl(path.basename(file, '.mdx')));
  } catch (error) {
    throw toPostError(file, error);
  }

  imported.delete(file);
  const dependencies = await describeDependencies(file, imported);
  return { frontmatter, code: bundled.code, toc, firstParagraph: firstParagraph.text, text: body.text, dependencies, feedHtml };
}

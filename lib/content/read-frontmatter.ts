import matter from 'gray-matter';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parseFrontmatter, type Frontmatter } from './frontmatter';
import { PostError } from './post-error';

interface YamlError {
  reason?: string;
  mark?: { line: number; column: number };
}

/** The line (from 1) where the frontmatter sets `key`, if it does. */
export function frontmatterLine(source: string, key: string): number | undefined {
  const index = source.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? undefined : index + 1;
}

/**
 * Reads and validates a post's YAML frontmatter. Problems are thrown as
 * `PostError`s that name the line of the offending key.
 */
export function readFrontmatter(file: string, source: string): { frontmatter: Frontmatter; content: string } {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // gray-matter caches by source string; a fresh options object bypasses that cache. The core schema
    // leaves dates as the text written: YAML's own timestamps would roll 2024-13-45 over into a real day.
    parsed = matter(source, { engines: { yaml: (yaml) => load(yaml, { schema: CORE_SCHEMA }) as object } });
  } catch (error) {
    const yaml = error as YamlError;
    // The YAML starts on line 2, after the opening `---`.
    const location = yaml.mark ? { line: yaml.mark.line + 2, column: yaml.mark.column + 1 } : {};
    throw new PostError(file, `frontmatter is not valid YAML: ${yaml.reason ?? String(error)}`, location);
  }
  const result = parseFrontmatter(parsed.data);
  if (result.ok) return { frontmatter: result.frontmatter, content: parsed.content };
  const [problem] = result.problems;
  const line = frontmatterLine(source, problem?.field.split('.')[0] ?? '');
  throw new PostError(file, `frontmatter "${problem?.field}" ${problem?.message ?? 'is invalid'}`, {
    line: line ?? 2,
    column: line === undefined ? undefined : 1,
  });
}

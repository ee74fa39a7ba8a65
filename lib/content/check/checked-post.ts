import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PostError } from '../post-error';
import { frontmatterLine } from '../read-frontmatter';
import { findOrderClashes, type SeriesMember } from '../series-order';

export interface CheckRequest {
  files: string[];
}

/**
 * A post that compiled, or the one line that says what is wrong with it; `draft` once its
 * frontmatter was read, and `series` for a post in one, for the checks across posts.
 */
export type CheckedPost =
  | { file: string; draft: boolean; series?: SeriesMember; problem?: undefined }
  | { file: string; draft?: boolean; series?: SeriesMember; problem: string };

/** Problems that stop a production build: a draft is not published, so its problems only warn. */
export function splitProblems(results: CheckedPost[]): { blocking: string[]; inDrafts: string[] } {
  const broken = results.filter((result) => result.problem !== undefined);
  return {
    blocking: broken.filter((result) => !result.draft).map((result) => result.problem ?? ''),
    inDrafts: broken.filter((result) => result.draft).map((result) => `${result.problem} (a draft)`),
  };
}

/** `file:line:col: reason` for a problem in the post; anything else still names the file. */
export function describeProblem(file: string, error: unknown): string {
  if (error instanceof PostError) return error.message;
  return `${path.relative(process.cwd(), file)}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Names every post whose place in its series another post also claims, at its `seriesOrder` line. */
export async function checkSeriesOrder(results: CheckedPost[]): Promise<CheckedPost[]> {
  const members = results.flatMap((result) => (result.problem === undefined && result.series ? [{ ...result.series, draft: result.draft, result }] : []));
  const problems = new Map<CheckedPost, string>();
  for (const { post, order, series, others } of findOrderClashes(members)) {
    const line = frontmatterLine(await readFile(post.result.file, 'utf8'), 'seriesOrder');
    const claimedBy = others.map((other) => path.relative(process.cwd(), other.result.file)).join(', ');
    const reason = `frontmatter "seriesOrder" ${order} is also the place of ${claimedBy} in the series "${series}"`;
    problems.set(post.result, new PostError(post.result.file, reason, { line, column: line === undefined ? undefined : 1 }).message);
  }
  return results.map((result) => {
    const problem = problems.get(result);
    return problem === undefined ? result : { ...result, problem };
  });
}

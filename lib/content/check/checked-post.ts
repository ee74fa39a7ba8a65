import path from 'node:path';
import { PostError } from '../post-error';

export interface CheckRequest {
  files: string[];
}

/** A post that compiled, or the one line that says what is wrong with it; `draft` once its frontmatter was read. */
export type CheckedPost = { file: string; draft: boolean; problem?: undefined } | { file: string; draft?: boolean; problem: string };

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

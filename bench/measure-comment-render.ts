import { renderCommentBody } from '../lib/comments/markdown';
import { pathologicalBodies } from '../tests/fixtures/comments/pathological-markdown';
import { median } from './stats';

export interface RenderTime {
  name: string;
  medianMs: number;
}

/**
 * Renders each pathological comment body `renders` times in this process, after a few untimed
 * renders that let the JIT settle, and returns each body's median time, slowest first.
 */
export function timeCommentRenders(renders: number): RenderTime[] {
  return Object.entries(pathologicalBodies)
    .map(([name, body]) => {
      for (let warmUp = 0; warmUp < 3; warmUp++) renderCommentBody(body);
      const times = Array.from({ length: renders }, () => {
        const started = performance.now();
        renderCommentBody(body);
        return performance.now() - started;
      });
      return { name, medianMs: median(times) };
    })
    .sort((a, b) => b.medianMs - a.medianMs);
}

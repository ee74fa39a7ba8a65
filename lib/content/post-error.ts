import path from 'node:path';

export interface SourceLocation {
  line?: number;
  column?: number;
}

/**
 * A problem in one post's source. Its message reads like a compiler's
 * (`content/posts/x.mdx:12:3: …`) so the failing build points the writer at the spot.
 */
export class PostError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly reason: string;

  constructor(file: string, reason: string, location: SourceLocation = {}) {
    const relative = path.relative(process.cwd(), file) || file;
    const where = [relative, location.line, location.line ? location.column : undefined]
      .filter((part) => part !== undefined)
      .join(':');
    super(`${where}: ${reason}`);
    this.name = 'PostError';
    this.file = relative;
    this.line = location.line;
    this.column = location.column;
    this.reason = reason;
  }
}

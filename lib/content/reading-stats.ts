import readingTime from 'reading-time';

export interface ReadingStats {
  words: number;
  readingMinutes: number;
}

/**
 * Counted on the MDX source, so that lists and social cards know a post's length without
 * compiling it; the markup in a post is a rounding error next to its prose.
 */
export function readingStats(content: string): ReadingStats {
  const stats = readingTime(content);
  return { words: stats.words, readingMinutes: Math.max(1, Math.round(stats.minutes)) };
}

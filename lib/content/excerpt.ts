const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Shortens text to at most `maxLength` characters, ending on a whole word with an ellipsis. */
export function truncateAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = 0;
  for (const { index, segment } of words.segment(text)) {
    if (index + segment.length > maxLength - 1) break;
    end = index + segment.length;
  }
  const cut = text.slice(0, end || maxLength - 1).replace(/[\s,;:.–—-]+$/u, '');
  return `${cut}…`;
}

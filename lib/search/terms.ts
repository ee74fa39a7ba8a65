// How text becomes terms, the same for the index, the phrase check, the query and the highlighting.

const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a text: runs of letters and digits; everything else separates them. */
export function tokenize(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

/** Every word with where it starts and ends in the text, for quoting and highlighting. */
export function* wordsWithOffsets(text: string): Generator<{ word: string; start: number; end: number }> {
  for (const match of text.matchAll(wordPattern)) yield { word: match[0], start: match.index, end: match.index + match[0].length };
}

const plainAscii = /^[\x00-\x7f]*$/;

/** Case and accents ignored: "Café" and "cafe" are one term. */
export function foldTerm(word: string): string {
  const lower = word.toLowerCase();
  return plainAscii.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

// Words in nearly every post: indexing them costs space and time and ranks nothing. A phrase still
// matches them, through the positions (see positions.ts).
const stopWords = new Set(
  (
    'a an and are as at be but by for from had has have he her his i if in into is it its me my no not of on or our ' +
    'she so than that the their them then there these they this to was we were what when which who will with would you your'
  ).split(' '),
);

/** The term the index holds for a word, or null for a word too common to index. */
export function indexTerm(word: string): string | null {
  const term = foldTerm(word);
  return stopWords.has(term) ? null : term;
}

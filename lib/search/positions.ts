import { gunzipSync, gzipSync } from 'node:zlib';

// Where every word of every post stands, as term numbers: a phrase is a run of numbers to find.
// Term 0 separates fields, so that no phrase spans two.
const fieldBreak = 0;

export interface EncodedPositions {
  /** Term of each number, from 1. */
  vocabulary: string[];
  /** Where each post's numbers start; the last entry is where the final post ends. */
  offsets: number[];
  /** Bytes per number. */
  width: 2 | 4;
  /** The numbers, little-endian, gzipped. */
  data: Buffer;
}

/** Numbers every post's folded words, each post given as its fields in order. */
export function encodePositions(posts: string[][][]): EncodedPositions {
  const numbers = new Map<string, number>();
  const streams = posts.map((fields) =>
    fields.flatMap((words, index) => [
      ...(index > 0 ? [fieldBreak] : []),
      ...words.map((word) => {
        let number = numbers.get(word);
        if (number === undefined) numbers.set(word, (number = numbers.size + 1));
        return number;
      }),
    ]),
  );
  const width = numbers.size < 0xffff ? 2 : 4;
  const all = new (width === 2 ? Uint16Array : Uint32Array)(streams.reduce((sum, stream) => sum + stream.length, 0));
  const offsets = [0];
  for (const stream of streams) {
    all.set(stream, offsets.at(-1));
    offsets.push((offsets.at(-1) ?? 0) + stream.length);
  }
  return { vocabulary: [...numbers.keys()], offsets, width, data: gzipSync(Buffer.from(all.buffer, all.byteOffset, all.byteLength)) };
}

export interface Positions {
  numbers: Uint16Array | Uint32Array;
  offsets: number[];
  termNumbers: Map<string, number>;
  /** How often each term occurs in all posts: a phrase is looked for from its rarest word. */
  counts: Uint32Array;
}

export function decodePositions({ vocabulary, offsets, width, data }: EncodedPositions): Positions {
  const bytes = gunzipSync(data);
  // A fresh buffer is aligned for the typed array whatever the decompressed one's offset.
  const aligned = new Uint8Array(bytes.byteLength);
  aligned.set(bytes);
  const numbers = width === 2 ? new Uint16Array(aligned.buffer) : new Uint32Array(aligned.buffer);
  const counts = new Uint32Array(vocabulary.length + 1);
  for (const number of numbers) counts[number] = (counts[number] ?? 0) + 1;
  return { numbers, offsets, termNumbers: new Map(vocabulary.map((term, index) => [term, index + 1])), counts };
}

/** A phrase as the numbers of its folded words, and which of them to look for first. */
export interface NumberedPhrase {
  numbers: number[];
  /** The place in the phrase of its rarest word. */
  anchor: number;
}

/** The phrase's numbers, or undefined when one of its words is in no post (so no post holds it). */
export function numberPhrase(positions: Positions, phrase: string[]): NumberedPhrase | undefined {
  const numbers: number[] = [];
  for (const word of phrase) {
    const number = positions.termNumbers.get(word);
    if (number === undefined) return undefined;
    numbers.push(number);
  }
  if (numbers.length === 0) return undefined;
  const rarity = (number: number) => positions.counts[number] ?? 0;
  const anchor = numbers.reduce((rarest, number, at) => (rarity(number) < rarity(numbers[rarest] ?? 0) ? at : rarest), 0);
  return { numbers, anchor };
}

/** Where post `id` first holds the phrase's words next to each other, in order, counted in words from its start; -1 if nowhere. */
export function findPhrase(positions: Positions, id: number, { numbers: phrase, anchor }: NumberedPhrase): number {
  const start = positions.offsets[id] ?? 0;
  // A view of this post's numbers, searched with the typed array's own (native) indexOf.
  const post = positions.numbers.subarray(start, positions.offsets[id + 1] ?? start);
  const rarest = phrase[anchor] ?? 0;
  const after = phrase.length - anchor;
  for (let at = post.indexOf(rarest, anchor); at !== -1 && at + after <= post.length; at = post.indexOf(rarest, at + 1)) {
    let step = 0;
    while (step < phrase.length && post[at - anchor + step] === phrase[step]) step++;
    if (step === phrase.length) return at - anchor;
  }
  return -1;
}

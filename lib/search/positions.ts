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
}

export function decodePositions({ vocabulary, offsets, width, data }: EncodedPositions): Positions {
  const bytes = gunzipSync(data);
  // A fresh buffer is aligned for the typed array whatever the decompressed one's offset.
  const aligned = new Uint8Array(bytes.byteLength);
  aligned.set(bytes);
  const numbers = width === 2 ? new Uint16Array(aligned.buffer) : new Uint32Array(aligned.buffer);
  return { numbers, offsets, termNumbers: new Map(vocabulary.map((term, index) => [term, index + 1])) };
}

/** Where post `id` first holds the folded words of `phrase` next to each other, in order, counted in words from its start; -1 if nowhere. */
export function findPhrase(positions: Positions, id: number, phrase: string[]): number {
  const wanted = phrase.map((word) => positions.termNumbers.get(word));
  if (wanted.length === 0 || wanted.includes(undefined)) return -1;
  const { numbers, offsets } = positions;
  const [first, ...rest] = wanted as number[];
  // A view of this post's numbers, searched with the typed array's own (native) indexOf.
  const post = numbers.subarray(offsets[id] ?? 0, offsets[id + 1] ?? 0);
  for (let at = post.indexOf(first ?? 0); at !== -1 && at + rest.length < post.length; at = post.indexOf(first ?? 0, at + 1)) {
    if (rest.every((number, step) => post[at + 1 + step] === number)) return at;
  }
  return -1;
}

import { openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { writeFileAtomically } from '@/lib/content/disk-cache';
import { decodePositions, encodePositions, type EncodedPositions, type Positions } from './positions';
import { foldTerm, indexTerm, tokenize } from './terms';

/** What the index is built from: a published post, as compiled. */
export interface IndexedPost {
  slug: string;
  title: string;
  date: string;
  tags: string[];
  description?: string;
  /** The body's plain text, a line per block. */
  text: string;
}

/** What a result shows of a post without opening it. */
export type SearchDocument = Pick<IndexedPost, 'slug' | 'title' | 'date' | 'tags'>;

type Field = 'title' | 'tags' | 'description' | 'text';
const fields: Field[] = ['title', 'tags', 'description', 'text'];

const miniSearchOptions: Options<IndexedPost & { id: number }> = {
  fields,
  storeFields: [],
  tokenize,
  processTerm: indexTerm,
  extractField: (post, field) => (field === 'tags' ? post.tags.join(' ') : post[field as Field | 'id']),
};

/** The files of a built index, in one folder. */
export const searchIndexFiles = { index: 'index.json', positions: 'positions.bin', texts: 'texts.txt' } as const;

interface IndexFile extends Omit<EncodedPositions, 'data'> {
  documents: SearchDocument[];
  miniSearch: AsPlainObject;
  /** Where each post's text starts in the texts file, in bytes; the last entry is its length. */
  textOffsets: number[];
}

export interface BuiltIndex {
  index: string;
  positions: Buffer;
  texts: Buffer;
}

/** Builds the index of these posts: terms for ranking, word positions for phrases, and the texts that results quote. */
export function buildSearchIndex(posts: IndexedPost[]): BuiltIndex {
  const miniSearch = new MiniSearch(miniSearchOptions);
  miniSearch.addAll(posts.map((post, id) => ({ ...post, id })));
  // The body first: where a phrase is found in it is where a result quotes from.
  const { data, ...positions } = encodePositions(
    posts.map((post) => [post.text, post.title, post.description ?? '', ...post.tags].map((field) => tokenize(field).map(foldTerm))),
  );
  const texts = posts.map((post) => Buffer.from(post.text));
  const textOffsets = [0];
  for (const text of texts) textOffsets.push((textOffsets.at(-1) ?? 0) + text.byteLength);
  const index: IndexFile = {
    documents: posts.map(({ slug, title, date, tags }) => ({ slug, title, date, tags })),
    miniSearch: miniSearch.toJSON(),
    ...positions,
    textOffsets,
  };
  return { index: JSON.stringify(index), positions: data, texts: Buffer.concat(texts) };
}

export async function writeSearchIndex(directory: string, built: BuiltIndex): Promise<void> {
  await Promise.all([
    writeFileAtomically(path.join(/*turbopackIgnore: true*/ directory, searchIndexFiles.index), built.index),
    writeFileAtomically(path.join(/*turbopackIgnore: true*/ directory, searchIndexFiles.positions), built.positions),
    writeFileAtomically(path.join(/*turbopackIgnore: true*/ directory, searchIndexFiles.texts), built.texts),
  ]);
}

/** An index ready to search: everything but the texts is in memory. */
export interface SearchIndex {
  miniSearch: MiniSearch;
  documents: SearchDocument[];
  positions: Positions;
  /** The plain text of post `id`, for quoting. */
  readText(id: number): string;
}

async function openIndex(index: string, positions: Buffer, readBytes: (start: number, end: number) => Buffer): Promise<SearchIndex> {
  const { documents, miniSearch, textOffsets, ...encoded } = JSON.parse(index) as IndexFile;
  return {
    miniSearch: await MiniSearch.loadJSAsync(miniSearch, miniSearchOptions),
    documents,
    positions: decodePositions({ ...encoded, data: positions }),
    readText: (id) => readBytes(textOffsets[id] ?? 0, textOffsets[id + 1] ?? 0).toString('utf8'),
  };
}

/** Opens an index just built, texts in memory: for `next dev`, which builds it from the current posts. */
export function openBuiltIndex(built: BuiltIndex): Promise<SearchIndex> {
  return openIndex(built.index, built.positions, (start, end) => built.texts.subarray(start, end));
}

/** Loads the index that `writeSearchIndex` wrote into `directory`; texts stay on disk, read a post at a time. */
export async function loadSearchIndex(directory: string): Promise<SearchIndex> {
  const [index, positions] = await Promise.all([
    readFile(path.join(/*turbopackIgnore: true*/ directory, searchIndexFiles.index), 'utf8'),
    readFile(path.join(/*turbopackIgnore: true*/ directory, searchIndexFiles.positions)),
  ]);
  // Open for the life of the process, as the index is: a page of results reads ten texts, each a
  // few kilobytes that the system keeps cached, quicker read at once than through the thread pool.
  const texts = openSync(path.join(/*turbopackIgnore: true*/ directory, searchIndexFiles.texts), 'r');
  return openIndex(index, positions, (start, end) => {
    const buffer = Buffer.alloc(end - start);
    return buffer.subarray(0, readSync(texts, buffer, 0, buffer.length, start));
  });
}

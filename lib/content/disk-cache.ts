import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from '@/lib/deploy/error-code.mjs';
import { buildCacheDirectory, shippedDirectory, writableCacheDirectory } from '@/lib/deploy/paths.mjs';

/** A stable digest of any JSON-serialisable key material. */
export function hashKey(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? part : JSON.stringify(part)).update('\0');
  return hash.digest('hex');
}

export interface Codec<T> {
  encode(value: T): Buffer | string;
  decode(data: Buffer): T;
}

/** The first folder that holds the entry: what the build shipped, the build cache, then this server's own. */
function readableDirectories(area: string): string[] {
  return [...new Set([shippedDirectory(area), buildCacheDirectory(area), writableCacheDirectory(area)])];
}

async function readEntry<T>(area: string, name: string, codec: Codec<T>, isFresh: (value: T) => Promise<boolean>): Promise<T | undefined> {
  for (const directory of readableDirectories(area)) {
    try {
      const stored = codec.decode(await readFile(path.join(/*turbopackIgnore: true*/ directory, name)));
      if (await isFresh(stored)) return stored;
    } catch {
      // Missing or unreadable here: look in the next folder.
    }
  }
  return undefined;
}

// Process-wide, as each route bundle has its own module state: one warning per folder is enough.
const warnedDirectories = ((globalThis as typeof globalThis & { folioUnwritableCaches?: Set<string> }).folioUnwritableCaches ??= new Set());

/**
 * Returns the value stored under `key` in the cache `area` (`mdx`, `og`), or computes and stores it.
 * A cache that cannot be written (a read-only disk) is a miss, said once per folder, never an error.
 * An entry that `isFresh` rejects (it depends on more than its key) is computed again and replaced.
 */
export async function cachedOnDisk<T>(
  area: string,
  key: string,
  extension: string,
  compute: () => Promise<T>,
  codec: Codec<T>,
  isFresh: (value: T) => Promise<boolean> = async () => true,
): Promise<T> {
  const name = `${key}.${extension}`;
  const cached = await readEntry(area, name, codec, isFresh);
  if (cached !== undefined) return cached;
  const value = await compute();
  const directory = writableCacheDirectory(area);
  try {
    await writeFileAtomically(path.join(/*turbopackIgnore: true*/ directory, name), codec.encode(value));
  } catch (error) {
    if (!warnedDirectories.has(directory)) {
      warnedDirectories.add(directory);
      console.warn(`Folio cannot write its cache in ${directory} (${errorCode(error)}); results are computed again when needed.`);
    }
  }
  return value;
}

/** Writes through a temporary file and a rename, so that parallel build workers never read a half-written file. */
export async function writeFileAtomically(file: string, data: Buffer | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Unique per write: each route bundle has its own module state, so one process can write a key twice at once.
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

export const jsonCodec = {
  encode: (value: unknown) => JSON.stringify(value),
  decode: (data: Buffer) => JSON.parse(data.toString('utf8')),
};

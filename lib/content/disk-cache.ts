import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A stable digest of any JSON-serialisable key material. */
export function hashKey(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? part : JSON.stringify(part)).update('\0');
  return hash.digest('hex');
}

/**
 * Returns the value stored under `key` in `directory`, or computes and stores it. An entry that
 * `isFresh` rejects (it depends on more than its key) is computed again and replaced.
 */
export async function cachedOnDisk<T>(
  directory: string,
  key: string,
  extension: string,
  compute: () => Promise<T>,
  codec: { encode(value: T): Buffer | string; decode(data: Buffer): T },
  isFresh: (value: T) => Promise<boolean> = async () => true,
): Promise<T> {
  const file = path.join(/*turbopackIgnore: true*/ directory, `${key}.${extension}`);
  try {
    const stored = codec.decode(await readFile(/*turbopackIgnore: true*/ file));
    if (await isFresh(stored)) return stored;
  } catch {
    // Missing or unreadable entry: compute it afresh.
  }
  const value = await compute();
  await writeFileAtomically(file, codec.encode(value));
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

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
 * Returns the value stored under `key` in `directory`, or computes and stores it.
 * Writes go through a temporary file and a rename so that parallel build
 * workers never read a half-written entry.
 */
export async function cachedOnDisk<T>(
  directory: string,
  key: string,
  extension: string,
  compute: () => Promise<T>,
  codec: { encode(value: T): Buffer | string; decode(data: Buffer): T },
): Promise<T> {
  const file = path.join(/*turbopackIgnore: true*/ directory, `${key}.${extension}`);
  try {
    return codec.decode(await readFile(/*turbopackIgnore: true*/ file));
  } catch {
    // Missing or unreadable entry: compute it afresh.
  }
  const value = await compute();
  await mkdir(directory, { recursive: true });
  // Unique per write: each route bundle has its own module state, so one process can write a key twice at once.
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, codec.encode(value));
  await rename(temporary, file);
  return value;
}

export const jsonCodec = {
  encode: (value: unknown) => JSON.stringify(value),
  decode: (data: Buffer) => JSON.parse(data.toString('utf8')),
};

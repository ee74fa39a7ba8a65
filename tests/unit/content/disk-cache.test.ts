import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cachedOnDisk, jsonCodec } from '@/lib/content/disk-cache';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'folio-disk-cache-'));
  vi.stubEnv('FOLIO_DIST_DIR', path.join(root, 'dist'));
  vi.stubEnv('FOLIO_CACHE_DIR', path.join(root, 'build-cache'));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

/** A running server: not building, not `next dev`. */
function runAsServer(temporaryFolder: string) {
  vi.stubEnv('NODE_ENV', 'production');
  vi.stubEnv('NEXT_PHASE', '');
  vi.stubEnv('TMPDIR', temporaryFolder);
}

describe('the disk cache of a running server', () => {
  it('reads what the build shipped before computing anything', async () => {
    runAsServer(path.join(root, 'tmp'));
    await mkdir(path.join(root, 'dist-folio/mdx'), { recursive: true });
    await writeFile(path.join(root, 'dist-folio/mdx/key.json'), JSON.stringify({ from: 'the build' }));
    const compute = vi.fn(async () => ({ from: 'a compile' }));
    expect(await cachedOnDisk('mdx', 'key', 'json', compute, jsonCodec)).toEqual({ from: 'the build' });
    expect(compute).not.toHaveBeenCalled();
  });

  it('writes into the temporary folder, never into the build cache', async () => {
    runAsServer(path.join(root, 'tmp'));
    await cachedOnDisk('mdx', 'fresh', 'json', async () => ({ compiled: true }), jsonCodec);
    expect(await readdir(path.join(root, 'tmp/folio-cache/mdx'))).toEqual(['fresh.json']);
    await expect(readdir(path.join(root, 'build-cache'))).rejects.toThrow(/ENOENT/);
  });

  it('treats a cache it cannot write as a miss, and says so once', async () => {
    runAsServer('/sys/folio-read-only');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await cachedOnDisk('og', 'a', 'json', async () => 'first', jsonCodec)).toBe('first');
    expect(await cachedOnDisk('og', 'b', 'json', async () => 'second', jsonCodec)).toBe('second');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/cannot write its cache in \/sys\/folio-read-only\/folio-cache\/og/);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRefusedError } from '@/lib/comments/import/import-refused';
import { defaultMaxImportMegabytes, planImportFile } from '@/lib/comments/import/load';
import { secretText, writeExternalEntityExport, writeHugeFile } from '@/tests/fixtures/import/hostile-files';

const fixtures = path.resolve('tests/fixtures/import');
const postSlugs = new Set(['plain-text-notes', 'garden-shed', 'code-at-build-time']);
const plan = (file: string, maxMegabytes?: number) => planImportFile(file, { postSlugs, maxMegabytes });

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'folio-import-unit-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('planImportFile on hostile or broken files', () => {
  it('refuses a billion-laughs file at its DOCTYPE, at once, without expanding anything', async () => {
    const started = performance.now();
    const refusal = plan(path.join(fixtures, 'hostile/billion-laughs.xml'));
    await expect(refusal).rejects.toThrow(ImportRefusedError);
    await expect(refusal).rejects.toThrow(/declares a DOCTYPE, which neither Disqus nor WordPress exports have: refused, so that no entity it defines is expanded/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses an external entity without reading the file it names', async () => {
    const refusal = plan(await writeExternalEntityExport(folder));
    await expect(refusal).rejects.toThrow(/declares a DOCTYPE/);
    await expect(refusal).rejects.not.toThrow(secretText);
  });

  it('refuses a file larger than the limit by its size, before reading it, and says how to allow it', async () => {
    const huge = await writeHugeFile(folder, defaultMaxImportMegabytes + 1);
    await expect(plan(huge)).rejects.toThrow(`huge-export.xml is 101.0 MB, more than the 100 MB an import reads: nothing was imported. If the file is what you expect, allow it with --max-mb=101.`);
  });

  it('refuses a truncated export, naming where it breaks off', async () => {
    await expect(plan(path.join(fixtures, 'hostile/truncated.xml'))).rejects.toThrow(/truncated\.xml is not well-formed XML \(.*truncated\.xml:9:\d+: .*\); nothing was imported\./);
  });

  it('refuses replies that answer each other in a circle', async () => {
    await expect(plan(path.join(fixtures, 'hostile/reply-circle.xml'))).rejects.toThrow('Comment 2 is in a circle of replies that answer each other; nothing was imported.');
  });

  it('refuses a file that is none of the formats it reads, and a backup that is not valid', async () => {
    const text = path.join(folder, 'notes.txt');
    await writeFile(text, 'Just some notes');
    await expect(plan(text)).rejects.toThrow('is neither a Folio backup (JSON), a Disqus export nor a WordPress export (WXR); nothing was imported.');
    const feed = path.join(folder, 'feed.xml');
    await writeFile(feed, '<rss version="2.0"><channel><title>A feed</title></channel></rss>');
    await expect(plan(feed)).rejects.toThrow('is neither a Folio backup');
    const backup = path.join(folder, 'backup.json');
    await writeFile(backup, JSON.stringify({ format: 'folio-comments', version: 1, exportedAt: '2026-01-01', comments: [{ id: 'one' }] }));
    await expect(plan(backup)).rejects.toThrow(/backup\.json is not a Folio comments backup:\n.*comments\[0\]/s);
    await expect(plan(folder)).rejects.toThrow('is not a file.');
  });
});

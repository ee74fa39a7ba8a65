import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { commentsBackupSchema, readBackupComments } from '../backup';
import { readDisqusExport } from './disqus';
import { ImportRefusedError } from './import-refused';
import { type ImportPlan, planExportImport } from './plan';
import { isWordPressExport, readWordPressExport } from './wordpress';
import { readXml } from './xml-tree';

/** Large enough for a big blog's whole Disqus export; a larger file is refused unless the blogger allows it. */
export const defaultMaxImportMegabytes = 100;

const megabyte = 1024 * 1024;

function planBackupImport(text: string, file: string): ImportPlan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportRefusedError(`${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}); nothing was imported.`);
  }
  const backup = commentsBackupSchema.safeParse(json);
  if (!backup.success) throw new ImportRefusedError(`${file} is not a Folio comments backup:\n${z.prettifyError(backup.error)}\nNothing was imported.`);
  return { source: 'Folio backup', comments: readBackupComments(backup.data), unmatched: [], deleted: { skipped: 0, kept: 0 }, skippedPingbacks: 0, orphans: 0 };
}

/**
 * Reads a Folio backup, a Disqus export or a WordPress export (told apart by their content) and plans
 * its import into these posts. Everything is read and checked before anything could be stored.
 */
export async function planImportFile(file: string, { postSlugs, maxMegabytes = defaultMaxImportMegabytes }: { postSlugs: ReadonlySet<string>; maxMegabytes?: number }): Promise<ImportPlan> {
  const info = await stat(file);
  if (!info.isFile()) throw new ImportRefusedError(`${file} is not a file.`);
  if (info.size > maxMegabytes * megabyte) {
    throw new ImportRefusedError(
      `${file} is ${(info.size / megabyte).toFixed(1)} MB, more than the ${maxMegabytes} MB an import reads: nothing was imported. If the file is what you expect, allow it with --max-mb=${Math.ceil(info.size / megabyte)}.`,
    );
  }
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const start = text.trimStart()[0];
  if (start === '{') return planBackupImport(text, file);
  if (start === '<') {
    const root = readXml(text, file);
    if (root.name === 'disqus') return planExportImport(readDisqusExport(root), postSlugs);
    if (isWordPressExport(root)) return planExportImport(readWordPressExport(root), postSlugs);
  }
  throw new ImportRefusedError(`${file} is neither a Folio backup (JSON), a Disqus export nor a WordPress export (WXR); nothing was imported.`);
}

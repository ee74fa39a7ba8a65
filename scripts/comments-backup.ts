// `npm run comments:export -- FILE` and `npm run comments:import -- FILE [--dry-run] [--max-mb=N]`: a JSON
// backup of every comment, restorable into either engine (DATABASE_URL says which database, as for the
// server); the import also reads Disqus and WordPress exports.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { resolveDatabaseTarget } from '@/db/connection.mjs';
import { migrateDatabase } from '@/db/migrate.mjs';
import { exportComments, restoreComments } from '@/lib/comments/backup';
import { ImportRefusedError } from '@/lib/comments/import/import-refused';
import { defaultMaxImportMegabytes, planImportFile } from '@/lib/comments/import/load';
import { formatImportSummary } from '@/lib/comments/import/plan';
import { createCommentStore } from '@/lib/comments/store';
import { listPostSlugs } from '@/lib/content/post-files';

const usage = 'Usage: npm run comments:export -- backup.json | npm run comments:import -- backup.json|disqus.xml|wordpress.xml [--dry-run] [--max-mb=N]';
const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, 'max-mb': { type: 'string' } } });
const [command, file] = positionals;
const maxMegabytes = z.coerce.number().positive().default(defaultMaxImportMegabytes).safeParse(values['max-mb']);
if ((command !== 'export' && command !== 'import') || !file || !maxMegabytes.success) {
  console.error(usage);
  process.exit(2);
}

async function importFile(file: string) {
  const plan = await planImportFile(file, { postSlugs: await listPostSlugs(), maxMegabytes: maxMegabytes.data });
  for (const line of formatImportSummary(plan)) console.log(line);
  if (values['dry-run']) {
    console.log('Dry run: nothing was stored.');
    return;
  }
  const target = resolveDatabaseTarget();
  // An import often goes into a new database: bring its schema up to date first, as `npm start` does.
  await migrateDatabase(target);
  const store = createCommentStore(target);
  try {
    const { added, existing } = await restoreComments(store, plan.comments);
    console.log(`Imported ${added} comments from ${file}; ${existing} were already there.`);
    if (added > 0) console.log('Rebuild (npm run build) so that the posts show them.');
  } finally {
    await store.close();
  }
}

async function exportFile(file: string) {
  const target = resolveDatabaseTarget();
  if (target.engine === 'sqlite' && !existsSync(target.file)) {
    console.error(`There is no comments database at ${target.file}, so there is nothing to export (npm start and npm run db:migrate create it; DATABASE_URL names another).`);
    process.exitCode = 1;
    return;
  }
  const store = createCommentStore(target);
  try {
    const backup = await exportComments(store);
    await writeFile(file, `${JSON.stringify(backup, null, 2)}\n`);
    console.log(`Exported ${backup.comments.length} comments to ${file}.`);
  } finally {
    await store.close();
  }
}

try {
  await (command === 'export' ? exportFile(file) : importFile(file));
} catch (error) {
  if (!(error instanceof ImportRefusedError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

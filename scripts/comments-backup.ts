// `npm run comments:export -- FILE` and `npm run comments:import -- FILE`: a JSON backup of every
// comment, restorable into either engine (DATABASE_URL says which database, as for the server).
import { readFile, writeFile } from 'node:fs/promises';
import { resolveDatabaseTarget } from '@/db/connection.mjs';
import { migrateDatabase } from '@/db/migrate.mjs';
import { commentsBackupSchema, exportComments, importComments } from '@/lib/comments/backup';
import { createCommentStore } from '@/lib/comments/store';

const [command, file] = process.argv.slice(2);
if ((command !== 'export' && command !== 'import') || !file) {
  console.error('Usage: npm run comments:export -- backup.json | npm run comments:import -- backup.json');
  process.exit(2);
}

const target = resolveDatabaseTarget();
// A restore often goes into a new database: bring its schema up to date first, as `npm start` does.
if (command === 'import') await migrateDatabase(target);
const store = createCommentStore(target);
try {
  if (command === 'export') {
    const backup = await exportComments(store);
    await writeFile(file, `${JSON.stringify(backup, null, 2)}\n`);
    console.log(`Exported ${backup.comments.length} comments to ${file}.`);
  } else {
    const backup = commentsBackupSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    const { added, existing } = await importComments(store, backup);
    console.log(`Imported ${added} comments from ${file}; ${existing} were already there.`);
    if (added > 0) console.log('Rebuild (npm run build) so that the posts show them.');
  }
} finally {
  await store.close();
}

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseTarget, migrationsFolder, openPostgres, openSqlite } from '@/db/connection.mjs';
import { migrateDatabase } from '@/db/migrate.mjs';
import { createCommentStore } from '@/lib/comments/store';
import { testServices } from '@/tests/support/services';
import { createEmptyPostgresDatabase } from './engines';
import { requireServices } from '../services';

const scratch = await mkdtemp(path.join(tmpdir(), 'folio-migrations-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The committed migrations of `engine` before `tag`: what an older Folio applied. */
async function migrationsBefore(engine: DatabaseTarget['engine'], tag: string): Promise<string> {
  const folder = path.join(scratch, `${engine}-before-${tag}`);
  await cp(migrationsFolder(engine), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(index, `${tag} is a committed migration`).toBeGreaterThan(0);
  await writeFile(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
  return folder;
}

/** A comment as the first schema stored it, written without the store, which knows only the latest one. */
const oldComment = ['a-post', 'Grace', 'author-grace', 'Written before the author could reply', 'approved', 'ip-1', Date.parse('2026-01-01T00:00:00Z')] as const;
const insertOld = 'insert into comments (post_slug, author_name, author_key, body, status, ip_hash, created_at) values';

const engines: { name: string; create(): Promise<{ target: DatabaseTarget; insertOldComment(): Promise<void>; drop(): Promise<void> }> }[] = [
  {
    name: 'SQLite',
    create: async () => {
      const target: DatabaseTarget = { engine: 'sqlite', file: path.join(scratch, 'old.sqlite') };
      return {
        target,
        async insertOldComment() {
          const sqlite = openSqlite(target.file, { create: false });
          sqlite.prepare(`${insertOld} (?, ?, ?, ?, ?, ?, ?)`).run(...oldComment);
          sqlite.close();
        },
        drop: async () => {},
      };
    },
  },
  ...(testServices.TEST_DATABASE_URL
    ? [
        {
          name: 'PostgreSQL',
          create: async () => {
            const database = await createEmptyPostgresDatabase(testServices.TEST_DATABASE_URL!);
            return {
              ...database,
              async insertOldComment() {
                const sql = openPostgres(database.target.url);
                const [slug, name, key, body, status, ipHash, createdAt] = oldComment;
                await sql.unsafe(`${insertOld} ($1, $2, $3, $4, $5, $6, $7)`, [slug, name, key, body, status, ipHash, new Date(createdAt)]);
                await sql.end();
              },
            };
          },
        },
      ]
    : []),
];

requireServices('TEST_DATABASE_URL');

describe.each(engines)('upgrading a $name database that holds comments', ({ create }) => {
  it('marks the comments it already holds as readers’ when the author column arrives', async () => {
    const database = await create();
    try {
      await migrateDatabase(database.target, await migrationsBefore(database.target.engine, '0001_comments_by_author'));
      await database.insertOldComment();
      await migrateDatabase(database.target);
      const store = createCommentStore(database.target);
      try {
        expect(await store.listAll()).toEqual([expect.objectContaining({ body: oldComment[3], byAuthor: false })]);
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });
});

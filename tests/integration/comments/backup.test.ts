import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '@/db/connection.mjs';
import { commentsBackupSchema, type CommentsBackup } from '@/lib/comments/backup';
import type { Comment, CommentStore } from '@/lib/comments/comment-store';
import { createCommentStore } from '@/lib/comments/store';
import { createEmptyPostgresDatabase, engines, useTestDatabase } from './engines';
import { testServices } from '@/tests/support/services';
import { requireServices } from '../services';

const run = promisify(execFile);
// Each command starts npm and tsx, which takes far longer while parallel builds load the machine.
const backupCommandsMs = 120_000;

requireServices('TEST_DATABASE_URL');

const sqlite = engines[0]!;
// PostgreSQL when the run has one: the backup then moves comments between engines.
const other = engines.at(-1)!;

function databaseUrl(target: DatabaseTarget): string {
  return target.engine === 'sqlite' ? `file:${target.file}` : target.url;
}

async function backupCommand(command: 'export' | 'import', target: DatabaseTarget, file: string): Promise<string> {
  const { stdout } = await run('npm', ['run', '--silent', `comments:${command}`, '--', file], {
    env: { ...process.env, DATABASE_URL: databaseUrl(target) },
  });
  return stdout;
}

/** A comment as readers and the blogger see it, whatever id the database gave it. */
async function asSeen(store: CommentStore) {
  const all = await store.listAll();
  const byId = new Map(all.map((comment) => [comment.id, comment]));
  return all.map(({ parentId, ...comment }: Comment) => ({ ...comment, id: undefined, replyTo: parentId ? byId.get(parentId)?.body : null }));
}

describe(`comments backup from SQLite to ${other.name}`, () => {
  const source = useTestDatabase(sqlite.create);
  const destination = useTestDatabase(other.create);
  let folder: string | undefined;
  afterAll(() => folder && rm(folder, { recursive: true, force: true }));

  it('restores every comment with its replies, state and dates, and a second import adds nothing', async () => {
    const store = source().store;
    const base = { authorEmail: null, authorUrl: null, ipHash: 'ip-a', postSlug: 'a-post' } as const;
    const first = await store.addComment({ ...base, parentId: null, authorName: 'Ada', authorKey: 'ada', body: 'First!', status: 'approved', createdAt: new Date('2026-01-01T10:00:00.123Z') });
    const reply = await store.addComment({ ...base, parentId: first.id, authorName: 'Bo', authorKey: 'bo', body: 'A reply', status: 'approved', createdAt: new Date('2026-01-01T11:00:00Z') });
    await store.addComment({ ...base, parentId: reply.id, authorName: 'Cy', authorKey: 'cy', body: 'Held reply', status: 'pending', createdAt: new Date('2026-01-02T09:00:00Z'), authorUrl: 'https://cy.example' });
    await store.editBody(first.id, 'First! (edited)', new Date('2026-01-01T10:05:00Z'));
    await store.addComment({ ...base, postSlug: 'other-post', parentId: null, authorName: 'Spammer', authorKey: 'sp', body: 'Buy', status: 'spam', createdAt: new Date('2026-01-03T00:00:00Z') });

    folder = await mkdtemp(path.join(tmpdir(), 'folio-backup-'));
    const file = path.join(folder, 'comments.json');
    expect(await backupCommand('export', source().target, file)).toContain('Exported 4 comments');
    expect(commentsBackupSchema.parse(JSON.parse(await readFile(file, 'utf8'))).comments).toHaveLength(4);

    expect(await backupCommand('import', destination().target, file)).toContain('Imported 4 comments');
    expect(await backupCommand('import', destination().target, file)).toContain('Imported 0 comments');
    expect(await asSeen(destination().store)).toEqual(await asSeen(store));
    expect((await destination().store.listApproved('a-post')).map((comment) => comment.body)).toEqual(['First! (edited)', 'A reply']);
  }, backupCommandsMs);
});

describe('exporting comments', () => {
  it('from a SQLite file that does not exist says so, creates nothing and fails', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'folio-export-'));
    try {
      const missing = path.join(folder, 'data/folio.sqlite');
      const failed = await backupCommand('export', { engine: 'sqlite', file: missing }, path.join(folder, 'comments.json')).catch((error: { code: number; stderr: string }) => error);
      expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining(`There is no comments database at ${missing}, so there is nothing to export`) });
      expect(await readdir(folder)).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, backupCommandsMs);
});

/** A database nobody has migrated yet, as a restore after losing the old one finds it. */
const freshDatabases: { name: string; create(folder: string): Promise<{ target: DatabaseTarget; drop(): Promise<unknown> }> }[] = [
  { name: 'SQLite', create: async (folder) => ({ target: { engine: 'sqlite', file: path.join(folder, 'new/comments.sqlite') }, drop: async () => {} }) },
  ...(testServices.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', create: () => createEmptyPostgresDatabase(testServices.TEST_DATABASE_URL!) }] : []),
];

describe.each(freshDatabases)('restoring comments into a new $name database', ({ create }) => {
  const backup: CommentsBackup = {
    format: 'folio-comments',
    version: 1,
    exportedAt: new Date('2026-02-01T00:00:00Z'),
    comments: [
      { id: 7, postSlug: 'a-post', parentId: null, authorName: 'Ada', authorEmail: null, authorUrl: null, authorKey: 'ada', body: 'Kept through the move', status: 'approved', ipHash: 'ip', createdAt: new Date('2026-01-05T10:00:00Z'), editedAt: null, byAuthor: false },
    ],
  };

  it('brings the schema up to date first, then imports', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'folio-restore-'));
    const database = await create(folder);
    try {
      const file = path.join(folder, 'comments.json');
      await writeFile(file, JSON.stringify(backup));
      expect(await backupCommand('import', database.target, file)).toContain('Imported 1 comments');
      const store = createCommentStore(database.target);
      try {
        expect((await store.listApproved('a-post')).map((comment) => comment.body)).toEqual(['Kept through the move']);
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
      await rm(folder, { recursive: true, force: true });
    }
  }, backupCommandsMs);
});

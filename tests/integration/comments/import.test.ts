import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '@/db/connection.mjs';
import type { Comment } from '@/lib/comments/comment-store';
import { renderCommentBody } from '@/lib/comments/markdown';
import { buildThread, type ThreadNode } from '@/lib/comments/thread';
import { secretText, writeExternalEntityExport, writeHugeFile } from '@/tests/fixtures/import/hostile-files';
import { sanitiserViolations } from '@/tests/unit/comments/rendered-html';
import { engines, useTestDatabase } from './engines';
import { requireServices } from '../services';

const run = promisify(execFile);
// Each command starts npm and tsx, which takes far longer while parallel builds load the machine.
const importCommandsMs = 180_000;
const fixtures = path.resolve('tests/fixtures/import');

requireServices('TEST_DATABASE_URL');

/** `npm run comments:import` as the blogger runs it, with the fixture posts as the blog's posts. */
async function importCommand(target: DatabaseTarget, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: target.engine === 'sqlite' ? `file:${target.file}` : target.url, FOLIO_CONTENT_DIR: path.join(fixtures, 'posts') };
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'comments:import', '--', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A thread as a reader sees it: author and text, replies below. */
const asRead = (nodes: ThreadNode[]): unknown[] => nodes.map(({ comment, replies }) => [`${comment.authorName}: ${comment.body}`, ...(replies.length ? [asRead(replies)] : [])]);

describe.each(engines)('importing Disqus and WordPress exports into $name', ({ create }) => {
  const database = useTestDatabase(create);
  const store = () => database().store;
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'folio-import-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('prints the summary and stores nothing on a dry run', async () => {
    const { code, stdout } = await importCommand(database().target, path.join(fixtures, 'disqus.xml'), '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toContain('Disqus export: 9 comments for 3 posts.\n  code-at-build-time: 1 approved\n');
    expect(stdout).toContain('  https://old.example.org/about/ ("About me"): 2 comments\n');
    expect(stdout).toContain('Dry run: nothing was stored.');
    expect(await store().listAll()).toEqual([]);
  }, importCommandsMs);

  it('imports a Disqus export with its threads, states and authors, and a second import adds nothing', async () => {
    const first = await importCommand(database().target, path.join(fixtures, 'disqus.xml'));
    expect(first.stdout).toContain('Deleted comments (or left with no text once converted): 1 skipped');
    expect(first.stdout).toContain(`Imported 9 comments from ${path.join(fixtures, 'disqus.xml')}; 0 were already there.`);
    const stored = await store().listAll();
    expect(stored).toHaveLength(9);

    expect(asRead(buildThread(await store().listApproved('plain-text-notes')))).toEqual([
      [
        'Grace Hopper: Lovely piece — I tried [plain-text notes](https://example.org/notes?a=1\\&b=2 "https://example.org/notes?a=1\\&b=2") too & never looked back.\n\nOne question: do you use \\*folders\\* or \\[tags]?',
        [['Юлия Смирнова: Folders, mostly. 日本語のメモもテキストで書いています。', [['Grace Hopper: Спасибо! Same here.\\\nTwo lines.']]]],
      ],
      ['deleted: [deleted]', [['Lin: I still think you had a point.']]],
    ]);
    expect((await store().listByStatus('spam', 10)).map((c) => c.authorName)).toEqual(['Watch Deals']);
    expect((await store().listByStatus('pending', 10)).map((c) => [c.postSlug, c.authorName])).toEqual([['garden-shed', 'كريم']]);
    expect(stored.find((c) => c.authorName === 'Grace Hopper')?.createdAt.toISOString()).toBe('2022-10-04T10:15:00.000Z');
    expect(stored.some((c) => /regret/i.test(JSON.stringify(c)))).toBe(false);

    const second = await importCommand(database().target, path.join(fixtures, 'disqus.xml'));
    expect(second.stdout).toContain('Imported 0 comments');
    expect(second.stdout).toContain('9 were already there.');
    expect(await store().listAll()).toEqual(stored);
  }, importCommandsMs);

  it('shows scripts, event handlers and javascript: links from imported comments as nothing that runs', async () => {
    const rendered = (await store().listAll()).map((comment: Comment) => renderCommentBody(comment.body).html);
    expect(rendered.flatMap(sanitiserViolations)).toEqual([]);
    expect(rendered.join('\n')).not.toMatch(/<script|onerror|javascript:|document\.cookie/i);
    expect(rendered).toContain('<p>Nice shed! See my shed.</p>');
  });

  it('imports a WordPress export on top, storing once the comments Disqus already brought', async () => {
    const { stdout } = await importCommand(database().target, path.join(fixtures, 'wordpress.xml'));
    expect(stdout).toContain('Pingbacks and trackbacks: 1 skipped.');
    expect(stdout).toContain('Imported 3 comments');
    expect(stdout).toContain('5 were already there.');
    const wordpress = (await store().listApproved('plain-text-notes')).filter((c) => c.authorUrl === 'https://grace.example.org/');
    expect(wordpress.map((c) => c.body)).toEqual([
      'Lovely piece — I tried [plain-text notes](https://example.org/notes?a=1\\&b=2) too & never looked back.\\\nSecond line of the same paragraph.\n\nA new paragraph with **bold** and *emphasis*.',
      'Спасибо! Same here.',
    ]);
    expect((await store().listAll()).filter((c) => c.body === '[deleted]')).toHaveLength(1);
  }, importCommandsMs);

  it('refuses hostile files with a clear message and stores nothing from them', async () => {
    const before = await store().listAll();

    const laughs = await importCommand(database().target, path.join(fixtures, 'hostile/billion-laughs.xml'));
    expect(laughs.code).toBe(1);
    expect(laughs.stderr).toContain('billion-laughs.xml declares a DOCTYPE, which neither Disqus nor WordPress exports have: refused');

    const external = await importCommand(database().target, await writeExternalEntityExport(folder));
    expect(external.code).toBe(1);
    expect(external.stderr).toContain('external-entity.xml declares a DOCTYPE');
    expect(external.stdout + external.stderr).not.toContain(secretText);

    const huge = await importCommand(database().target, await writeHugeFile(folder, 101));
    expect(huge.code).toBe(1);
    expect(huge.stderr).toContain('huge-export.xml is 101.0 MB, more than the 100 MB an import reads: nothing was imported.');

    const after = await store().listAll();
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain(secretText);
  }, importCommandsMs);
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPost, localIsoDate } from '@/lib/content/new-post';
import { slugFromTitle } from '@/lib/content/post-slug';
import { readFrontmatter } from '@/lib/content/read-frontmatter';

describe('npm run new', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'folio-new-post-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('turns a title into a URL slug', () => {
    expect(slugFromTitle('Ça va? Notes from 2026!')).toBe('ca-va-notes-from-2026');
    expect(slugFromTitle('  Crème brûlée -- at home  ')).toBe('creme-brulee-at-home');
    expect(slugFromTitle('日本語')).toBe('');
  });

  it('dates a post by the writer’s calendar day', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('creates a draft that passes the post check, dated today', async () => {
    const result = await createPost(directory, 'My "quoted": title', { now: new Date(2026, 11, 2, 9) });
    expect(result).toEqual({ ok: true, file: path.join(directory, 'my-quoted-title.mdx') });
    const file = path.join(directory, 'my-quoted-title.mdx');
    const { frontmatter } = readFrontmatter(file, await readFile(file, 'utf8'));
    expect(frontmatter).toMatchObject({ title: 'My "quoted": title', date: '2026-12-02', draft: true, tags: [] });
  });

  it('never overwrites an existing post', async () => {
    const file = path.join(directory, 'taken.mdx');
    await writeFile(file, 'the writer’s words');
    const result = await createPost(directory, 'Taken');
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('exists already') });
    expect(await readFile(file, 'utf8')).toBe('the writer’s words');
  });

  it('asks for a slug when the title has no letters it can use', async () => {
    expect(await createPost(directory, '日本語')).toMatchObject({ ok: false, message: expect.stringContaining('--slug') });
    expect(await createPost(directory, '日本語', { slug: 'nihongo' })).toMatchObject({ ok: true });
  });
});

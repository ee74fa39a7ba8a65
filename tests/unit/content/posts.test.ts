import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let root: string;

async function writePost(slug: string, frontmatter: string, body = 'Hello.') {
  await writeFile(path.join(root, 'posts', `${slug}.mdx`), `---\n${frontmatter}\n---\n\n${body}\n`);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'folio-posts-'));
  await import('node:fs/promises').then((fs) => fs.mkdir(path.join(root, 'posts')));
  vi.stubEnv('FOLIO_CONTENT_DIR', path.join(root, 'posts'));
  vi.stubEnv('FOLIO_CACHE_DIR', path.join(root, 'cache'));
  await writePost('older', 'title: Older\ndate: 2021-05-01\ntags: [Web Dev, tools]');
  await writePost('newer', 'title: Newer\ndate: 2023-07-09\ntags: [tools]');
  await writePost('work-in-progress', 'title: Draft\ndate: 2024-01-01\ndraft: true');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

describe('posts', () => {
  it('lists posts newest first and shows drafts outside production', async () => {
    const { getAllPosts } = await import('@/lib/content/posts');
    expect((await getAllPosts()).map((post) => post.slug)).toEqual(['work-in-progress', 'newer', 'older']);
  });

  it('never lists drafts in a production build', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      const { getAllPosts, getPost } = await import('@/lib/content/posts');
      expect((await getAllPosts()).map((post) => post.slug)).toEqual(['newer', 'older']);
      expect(await getPost('work-in-progress')).toBeUndefined();
    } finally {
      vi.stubEnv('NODE_ENV', 'test');
    }
  });

  it('links each post to its neighbours', async () => {
    const { getAdjacentPosts } = await import('@/lib/content/posts');
    const { newer, older } = await getAdjacentPosts('newer');
    expect(newer?.slug).toBe('work-in-progress');
    expect(older?.slug).toBe('older');
  });

  it('groups posts by tag under URL-safe slugs', async () => {
    const { getAllTags } = await import('@/lib/content/tags');
    const tags = await getAllTags();
    expect(tags.map((tag) => [tag.name, tag.slug, tag.posts.map((post) => post.slug)])).toEqual([
      ['tools', 'tools', ['newer', 'older']],
      ['Web Dev', 'web-dev', ['older']],
    ]);
  });

  it('knows each post’s length without compiling it', async () => {
    await writePost('long-read', 'title: Long\ndate: 2019-01-01', 'word '.repeat(920));
    try {
      const { getPostSummary } = await import('@/lib/content/posts');
      expect(await getPostSummary('long-read')).toMatchObject({ words: 920, readingMinutes: 5 });
    } finally {
      await rm(path.join(root, 'posts', 'long-read.mdx'));
    }
  });

  it('groups posts by year for the archive', async () => {
    const { getPostsByYear } = await import('@/lib/content/posts');
    expect([...(await getPostsByYear()).keys()]).toEqual(['2024', '2023', '2021']);
  });

  it('refuses a file name that is not a URL slug', async () => {
    await writePost('Bad Name', 'title: Bad\ndate: 2020-01-01');
    try {
      const { getAllPosts } = await import('@/lib/content/posts');
      await expect(getAllPosts()).rejects.toThrow(/Bad Name\.mdx: file name "Bad Name" is not a URL slug/);
    } finally {
      await rm(path.join(root, 'posts', 'Bad Name.mdx'));
    }
  });

  it('caches compiled posts on disk and reuses them while the source is unchanged', async () => {
    const { getCompiledPost } = await import('@/lib/content/posts');
    const file = path.join(root, 'posts', 'older.mdx');
    const source = await readFile(file, 'utf8');
    await getCompiledPost(file, source);
    const cacheFolder = path.join(root, 'cache', 'mdx');
    const [entry] = await readdir(cacheFolder);
    expect(entry).toMatch(/^[0-9a-f]{64}\.json$/);

    // A fresh process (modules and process-wide memo gone) must read the entry instead of compiling again.
    const cached = JSON.parse(await readFile(path.join(cacheFolder, entry!), 'utf8'));
    await writeFile(path.join(cacheFolder, entry!), JSON.stringify({ ...cached, firstParagraph: 'From the cache.' }));
    vi.resetModules();
    delete (globalThis as { folioCompiledPosts?: unknown }).folioCompiledPosts;
    const fresh = await import('@/lib/content/posts');
    expect((await fresh.getCompiledPost(file, source)).firstParagraph).toBe('From the cache.');

    // An edited source has a new key and is compiled afresh.
    expect((await fresh.getCompiledPost(file, `${source}\nMore words here.\n`)).firstParagraph).toBe('Hello.');
  });

  it('compiles a post again when a component it imports changes, even with the same source', async () => {
    const { getCompiledPost } = await import('@/lib/content/posts');
    const component = path.join(root, 'posts', 'greeting.tsx');
    const file = path.join(root, 'posts', 'imports-a-component.mdx');
    const source = "---\ntitle: Imports\ndate: 2022-02-02\n---\n\nimport { Greeting } from './greeting'\n\n<Greeting />\n";
    await writeFile(file, source);
    try {
      await writeFile(component, 'export function Greeting() { return <p>Hello from version one</p>; }\n');
      const first = await getCompiledPost(file, source);
      expect(first.code).toContain('Hello from version one');
      expect(first.dependencies.map((dependency) => dependency.file)).toEqual(['greeting.tsx']);
      expect(await getCompiledPost(file, source)).toBe(first);

      await writeFile(component, 'export function Greeting() { return <p>Hello from version two</p>; }\n');
      expect((await getCompiledPost(file, source)).code).toContain('Hello from version two');

      // A fresh process finds the stale disk entry and does not trust it either.
      vi.resetModules();
      delete (globalThis as { folioCompiledPosts?: unknown }).folioCompiledPosts;
      await writeFile(component, 'export function Greeting() { return <p>Hello from version three</p>; }\n');
      const fresh = await import('@/lib/content/posts');
      expect((await fresh.getCompiledPost(file, source)).code).toContain('Hello from version three');
    } finally {
      await rm(file);
      await rm(component);
    }
  });
});

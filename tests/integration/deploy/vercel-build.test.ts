import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createConnection, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrontmatter } from '@/lib/content/read-frontmatter';
import { createForwarder } from '@/tests/support/offline.mjs';
import { engines, type TestDatabase } from '../comments/engines';
import { requireServices } from '../services';

const run = promisify(execFile);
// The host's limit on a function's files, uncompressed.
const functionSizeLimit = 250 * 1024 * 1024;

let project: string;
let output: string;
let database: TestDatabase | undefined;
let bridge: Server | undefined;
let build: { status: number | null; log: string };

/** The project's own files, and its installed packages as hard links: the build may not touch this checkout. */
async function copyProject(): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'folio-vercel-'));
  await run('sh', ['-c', 'git ls-files -z --cached --others --exclude-standard | tar --null --files-from=- -cf - | tar -xf - -C "$1"', 'sh', copy]);
  await run('cp', ['-al', 'node_modules', path.join(copy, 'node_modules')]);
  return copy;
}

async function runBuild([program, ...args]: [string, ...string[]], env: NodeJS.ProcessEnv): Promise<{ status: number | null; log: string }> {
  const child = spawn(program, args, { cwd: project, env, timeout: 900_000 });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, log };
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name));
}

interface FunctionConfig {
  runtime: string;
  filePathMap?: Record<string, string>;
}

/** Every function the build made once (prerendered routes link to the function that renders them). */
async function functionDirectories(): Promise<string[]> {
  const functions = path.join(output, 'functions');
  const entries = await readdir(functions, { recursive: true, withFileTypes: true });
  const directories = entries.filter((entry) => entry.isDirectory() && entry.name.endsWith('.func')).map((entry) => path.join(entry.parentPath, entry.name));
  return [...new Set(await Promise.all(directories.map((directory) => realpath(directory))))];
}

/** What the host unpacks for a function: its folder plus the project files its config maps in. */
async function functionSize(directory: string): Promise<number> {
  const config = await readJson<FunctionConfig>(path.join(directory, '.vc-config.json'));
  const files = [...(await filesUnder(directory)), ...Object.values(config.filePathMap ?? {}).map((file) => path.join(project, file))];
  const sizes = await Promise.all([...new Set(files)].map(async (file) => (await lstat(file)).size));
  return sizes.reduce((total, size) => total + size, 0);
}

async function publishedPosts(): Promise<{ slug: string; title: string }[]> {
  const directory = path.join(project, 'content/posts');
  const posts = await Promise.all(
    (await readdir(directory)).map(async (name) => ({ slug: path.basename(name, '.mdx'), ...readFrontmatter(name, await readFile(path.join(directory, name), 'utf8')).frontmatter })),
  );
  return posts.filter((post) => !post.draft);
}

// Vercel's functions cannot write a SQLite file: the build migrates a PostgreSQL database.
const missingServices = requireServices('TEST_DATABASE_URL');

// Vercel no longer builds or runs functions on Node 20 (docs/deploy.md): CI runs this on Node 24.
const nodeVercelRuns = Number(process.versions.node.split('.')[0]) >= 22;
if (!nodeVercelRuns) console.info(`Skipping vercel build on Node ${process.versions.node}: Vercel builds with Node 22 or later.`);

describe.skipIf(missingServices.length > 0 || !nodeVercelRuns)('vercel build, offline', () => {
  beforeAll(async () => {
    project = await copyProject();
    output = path.join(project, '.vercel/output');
    // What `vercel pull` would write for a Next.js project; with it, the build needs no account.
    await mkdir(path.join(project, '.vercel'));
    await writeFile(
      path.join(project, '.vercel/project.json'),
      JSON.stringify({
        projectId: 'prj_folio_offline_build',
        orgId: 'team_folio_offline_build',
        settings: { framework: 'nextjs', installCommand: '', buildCommand: null, outputDirectory: null, rootDirectory: null, devCommand: null },
      }),
    );
    // Folio refuses SQLite on Vercel: the build migrates and reads a PostgreSQL database of its own.
    database = await engines.find((engine) => engine.name === 'PostgreSQL')!.create();
    if (database.target.engine !== 'postgres') throw new Error('expected PostgreSQL');
    const databaseUrl = new URL(database.target.url);
    const socket = path.join(project, '.vercel/postgres.sock');
    bridge = createForwarder(() => createConnection(Number(databaseUrl.port || 5432), databaseUrl.hostname));
    await new Promise<void>((resolve) => bridge!.listen(socket, resolve));
    databaseUrl.hostname = '127.0.0.1';

    build = await runBuild(
      [
        'unshare',
        '--map-root-user',
        '--net',
        process.execPath,
        path.join(project, 'tests/support/offline.mjs'),
        socket,
        databaseUrl.port || '5432',
        '--',
        process.execPath,
        path.join(project, 'node_modules/vercel/dist/vc.js'),
        'build',
        '--yes',
        '--global-config',
        path.join(project, '.vercel/cli-config'),
      ],
      {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl.toString(),
        SITE_URL: 'https://blog.example.com',
        FOLIO_SECRET: randomBytes(24).toString('base64url'),
        ADMIN_PASSWORD: 'vercel-build-admin-password',
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        NEXT_TELEMETRY_DISABLED: '1',
        VERCEL_TELEMETRY_DISABLED: '1',
        NO_UPDATE_NOTIFIER: '1',
      },
    );
  }, 960_000);

  afterAll(async () => {
    bridge?.close();
    await database?.drop();
    if (project) await rm(project, { recursive: true, force: true });
  }, 120_000);

  it('builds without the network', () => {
    expect(build.status, build.log).toBe(0);
    expect(existsSync(path.join(output, 'config.json'))).toBe(true);
  });

  it('prerenders every published post', async () => {
    for (const post of await publishedPosts()) {
      const prerender = await readJson<{ fallback?: { fsPath: string } }>(path.join(output, `functions/blog/${post.slug}.prerender-config.json`));
      expect(prerender.fallback?.fsPath, post.slug).toBe(`${post.slug}.prerender-fallback.html`);
      const html = await readFile(path.join(output, 'functions/blog', prerender.fallback!.fsPath), 'utf8');
      expect(html, post.slug).toContain(post.title.replaceAll("'", '&#x27;'));
    }
  });

  it('sends comments, with JavaScript (server action) or without (multipart form), past the prerendered post to the function', async () => {
    const routes = (await readJson<{ routes: { has?: { key: string }[]; transforms?: { args?: string }[] }[] }>(path.join(output, 'config.json'))).routes;
    const actions = routes.filter((route) => route.has?.some((condition) => condition.key === 'next-action')).flatMap((route) => route.transforms?.map((transform) => transform.args) ?? []);
    expect(actions).toContain('components/comments/actions.ts#submitComment');

    for (const post of await publishedPosts()) {
      const prerender = await readJson<{ bypassToken?: string; experimentalBypassFor?: { type: string; key: string; value?: string }[] }>(
        path.join(output, `functions/blog/${post.slug}.prerender-config.json`),
      );
      expect(prerender.bypassToken, post.slug).toBeTruthy();
      const bypasses = (headers: Record<string, string>) =>
        prerender.experimentalBypassFor?.some(
          (condition) => condition.type === 'header' && condition.key in headers && (condition.value === undefined || new RegExp(`^${condition.value}$`).test(headers[condition.key]!)),
        );
      expect(bypasses({ 'next-action': '60941d2194e4d22367114e81b54fdd9eb0992fbb67' }), `${post.slug}: server action`).toBe(true);
      expect(bypasses({ 'content-type': 'multipart/form-data; boundary=----folio' }), `${post.slug}: form without JavaScript`).toBe(true);
      expect(bypasses({ 'content-type': 'text/html' }), `${post.slug}: a plain request is served the prerendered page`).toBe(false);
    }
  });

  it('keeps every function under the host’s size limit', async () => {
    const sizes = await Promise.all((await functionDirectories()).map(async (directory) => ({ name: path.relative(path.join(output, 'functions'), directory), size: await functionSize(directory) })));
    expect(sizes.length).toBeGreaterThan(0);
    const largest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
    console.info(`vercel build: ${sizes.length} functions, the largest ${largest.name} at ${(largest.size / 1024 / 1024).toFixed(1)} MB uncompressed`);
    for (const { name, size } of sizes) expect(size, name).toBeLessThan(functionSizeLimit);
  });

  it('runs every function on a Node.js version that CI tests (package.json engines)', async () => {
    const engines = (await readJson<{ engines: { node: string } }>(path.join(project, 'package.json'))).engines.node;
    const testedMajors = [...engines.matchAll(/\^(\d+)\./g)].map((match) => `nodejs${match[1]}.x`);
    for (const directory of await functionDirectories()) {
      const { runtime } = await readJson<FunctionConfig>(path.join(directory, '.vc-config.json'));
      expect(testedMajors, path.basename(directory)).toContain(runtime);
    }
  });
});

/**
 * `npm run bench`: builds, page weight, serving, comment writes, comment rendering and search, measured
 * side by side on this machine. Figures are medians of several runs; ratios measured in one run
 * are the ones to quote. BENCH_PARTS picks some of them.
 */
import { cpus, totalmem } from 'node:os';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import postgres from 'postgres';
import path from 'node:path';
import { generatePosts } from './generate-posts';
import { clearBuildCaches, editOnePost, runBuild, runCheck, type BuildRun, type BuildTarget } from './measure-build';
import type { TreeMemory } from './process-tree';
import { timeItems } from './measure-items';
import { countStored, loadCommentWrites, prepareDatabase, type WriteLoad } from './measure-comment-writes';
import { timeCommentRenders } from './measure-comment-render';
import { measurePage, type PageWeight } from './measure-page';
import { compileForSearch, fileBytes, measureLoad, searchQueries, timeSearches } from './measure-search';
import { loadTest, type LoadResult } from './measure-serving';
import { buildSearchIndex, searchIndexFiles, writeSearchIndex } from '../lib/search/search-index';
import { formatTable, writeResults, type Figure } from './report';
import { startNext, startNginx } from './servers';
import { median, quantile } from './stats';

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, 'bench/tmp');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const sizes = (process.env.BENCH_POSTS ?? '100,1000').split(',').map(Number).filter((posts) => posts > 0);
const searchSizes = (process.env.BENCH_SEARCH_POSTS ?? '1000,5000').split(',').map(Number).filter((posts) => posts > 0);
/** `builds`, `site` (page weight, serving and comment writes, which share one build), `comment-render` and `search`. */
const parts = new Set((process.env.BENCH_PARTS ?? 'builds,site,comment-render,search').split(','));
const figures: Figure[] = [];
const samplePost = 'a-year-of-plain-text-notes';
// The forms in prerendered pages are signed at build time: build and servers share one secret.
const benchEnv = { FOLIO_SECRET: 'folio-bench-secret', DATABASE_URL: `file:${path.join(work, 'site.sqlite')}` };
const mb = 1024 * 1024;

function log(message: string) {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function repeat<T>(count: number, task: (round: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let round = 0; round < count; round++) results.push(await task(round));
  return results;
}

async function benchBuilds(posts: number) {
  const contentDirectory = await generatePosts(path.join(work, `content-${posts}`), posts);
  const target: BuildTarget = { root, contentDirectory, distDir: `bench/tmp/dist-${posts}`, cacheDirectory: path.join(work, `cache-${posts}`), folio: true };
  // The 1,000-post builds dominate the run time: they get one round fewer.
  const rounds = posts >= 1000 ? Math.max(1, runs - 1) : runs;
  const cold = await repeat(rounds, async (round) => {
    await clearBuildCaches(target);
    log(`cold build, ${posts} posts, round ${round + 1}/${rounds}`);
    return runBuild(target);
  });
  const warm = await repeat(rounds, async (round) => {
    await editOnePost(target, round);
    log(`warm rebuild after one edit, ${posts} posts, round ${round + 1}/${rounds}`);
    return runBuild(target);
  });
  const section = `Build, ${posts} posts`;
  const seconds = (list: BuildRun[]) => median(list.map((run) => run.seconds));
  const peak = (measure: keyof TreeMemory) => Math.max(...[...cold, ...warm].map((run) => run.peak[measure])) / mb;
  const big = posts >= 1000;
  figures.push(
    { section, measure: 'cold build (empty caches)', value: seconds(cold), unit: 's', target: big ? { atMost: 60 } : undefined },
    { section, measure: 'warm rebuild after one edit', value: seconds(warm), unit: 's', target: big ? { atMost: 25 } : undefined },
    { section, measure: 'cold build per post', value: (seconds(cold) * 1000) / posts, unit: 'ms' },
    { section, measure: 'peak memory, whole process tree (PSS)', value: peak('pssBytes'), unit: 'MB', target: big ? { atMost: 2048 } : undefined },
    { section, measure: 'peak resident memory summed per process (RSS)', value: peak('rssBytes'), unit: 'MB', note: 'counts shared pages once per process' },
  );
  const sample = Math.min(posts, 200);
  log(`compiling ${sample} posts and drawing their cards one at a time, ${runs} times`);
  const passes = await repeat(runs, () => timeItems(contentDirectory, sample));
  const of = (key: 'mdxMs' | 'cardMs', q: number) => median(passes.map((pass) => quantile(pass[key], q)));
  const timed = passes[0]?.mdxMs.length ?? 0;
  figures.push(
    { section, measure: `MDX compile per post, p50 (${timed} posts, one at a time)`, value: of('mdxMs', 0.5), unit: 'ms', target: big ? { atMost: 30 } : undefined },
    { section, measure: 'MDX compile per post, p95', value: of('mdxMs', 0.95), unit: 'ms' },
    { section, measure: `social image per image, p50 (${timed} images, one at a time)`, value: of('cardMs', 0.5), unit: 'ms', target: big ? { atMost: 60 } : undefined },
    { section, measure: 'social image per image, p95', value: of('cardMs', 0.95), unit: 'ms' },
  );
  log(`bytes a reader of one post downloads, ${posts} posts`);
  const server = await startNext(root, target.distDir, { ...benchEnv, FOLIO_CONTENT_DIR: contentDirectory });
  try {
    // Bytes are the same on every load: one suffices.
    const weight = await measurePage(`${server.url}/blog/post-${String(Math.ceil(posts / 2)).padStart(4, '0')}`);
    figures.push(
      { section, measure: 'post page: bytes transferred until the network is idle', value: weight.transferredBytes / 1024, unit: 'kB' },
      { section, measure: 'post page: of which link prefetches', value: weight.prefetchBytes / 1024, unit: 'kB' },
    );
  } finally {
    await server.stop();
  }
  // Last: a check from empty caches leaves no build behind.
  const checks = await repeat(rounds, async (round) => {
    await clearBuildCaches(target);
    log(`npm run check, empty caches, ${posts} posts, round ${round + 1}/${rounds}`);
    return runCheck(target);
  });
  figures.push({ section, measure: 'npm run check, empty caches', value: median(checks), unit: 's', target: big ? { atMost: 20 } : undefined });
  await clearBuildCaches(target);
}


async function benchPages() {
  const site: BuildTarget = { root, contentDirectory: path.join(root, 'content/posts'), distDir: 'bench/tmp/dist-site', cacheDirectory: path.join(work, 'cache-site'), folio: true };
  log('building the sample site and the bare Next.js baseline');
  await runBuild(site, benchEnv);
  const baselineDir = path.join(root, 'bench/baseline-app');
  await runBuild({ root: baselineDir, contentDirectory: site.contentDirectory, distDir: '.next', cacheDirectory: site.cacheDirectory });

  const server = await startNext(root, site.distDir, benchEnv);
  const baseline = await startNext(baselineDir, '.next');
  try {
    log('page weight in Chromium');
    const postWeights = await repeat(runs, () => measurePage(`${server.url}/blog/${samplePost}`));
    const baseWeights = await repeat(runs, () => measurePage(`${baseline.url}/`));
    const pick = (list: PageWeight[], key: keyof Omit<PageWeight, 'scripts'>) => median(list.map((weight) => weight[key]));
    const floor = pick(baseWeights, 'jsGzipBytes') / 1024;
    const postJs = pick(postWeights, 'jsGzipBytes') / 1024;
    figures.push(
      { section: 'Post page', measure: 'HTML', value: pick(postWeights, 'htmlBytes') / 1024, unit: 'kB' },
      { section: 'Post page', measure: 'first-load JS, gzipped', value: postJs, unit: 'kB' },
      { section: 'Post page', measure: 'bare Next.js page JS (floor)', value: floor, unit: 'kB' },
      { section: 'Post page', measure: 'JS above the floor', value: postJs - floor, unit: 'kB', target: { atMost: 10 } },
      { section: 'Post page', measure: 'CSS, gzipped', value: pick(postWeights, 'cssGzipBytes') / 1024, unit: 'kB', target: { atMost: 15 } },
      { section: 'Post page', measure: 'requests', value: pick(postWeights, 'requests'), unit: '' },
      { section: 'Post page', measure: 'bytes transferred until the network is idle', value: pick(postWeights, 'transferredBytes') / 1024, unit: 'kB' },
      { section: 'Post page', measure: 'bare page requests', value: pick(baseWeights, 'requests'), unit: '' },
      { section: 'Post page', measure: 'cumulative layout shift', value: pick(postWeights, 'layoutShift'), unit: '', target: { atMost: 0.01 } },
    );

    log('serving: next start against nginx on the same prerendered HTML');
    const nginxDir = path.join(work, 'nginx');
    await mkdir(nginxDir, { recursive: true });
    const html = path.join(nginxDir, 'post.html');
    await copyFile(path.join(root, site.distDir, 'server/app/blog', `${samplePost}.html`), html);
    const nginx = await startNginx(nginxDir, html);
    try {
      const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
      const postUrl = `${server.url}/blog/${samplePost}`;
      await loadTest(postUrl, 50, 3);
      const pairs = await repeat(runs, async () => ({
        next: await loadTest(postUrl, 50, seconds),
        nginx: await loadTest(`${nginx.url}/post`, 50, seconds),
        // Behind a proxy that compresses (nginx, a CDN), next start sends the page as it is.
        nextUncompressed: await loadTest(postUrl, 50, seconds, { compressed: false }),
      }));
      const of = (key: keyof (typeof pairs)[number], field: keyof LoadResult) => median(pairs.map((pair) => pair[key][field]));
      figures.push(
        { section: 'Serving, c=50', measure: 'next start, requests/s', value: of('next', 'requestsPerSecond'), unit: 'req/s' },
        { section: 'Serving, c=50', measure: 'nginx, requests/s', value: of('nginx', 'requestsPerSecond'), unit: 'req/s' },
        {
          section: 'Serving, c=50',
          measure: 'next start / nginx throughput',
          value: (100 * median(pairs.map((pair) => pair.next.requestsPerSecond / pair.nginx.requestsPerSecond))),
          unit: '%',
          target: { atLeast: 25 },
        },
        {
          section: 'Serving, c=50',
          measure: 'next start without gzip (behind a compressing proxy) / nginx',
          value: 100 * median(pairs.map((pair) => pair.nextUncompressed.requestsPerSecond / pair.nginx.requestsPerSecond)),
          unit: '%',
        },
        { section: 'Serving, c=50', measure: 'next start p50 latency', value: of('next', 'p50Ms'), unit: 'ms' },
        { section: 'Serving, c=50', measure: 'next start p99 latency', value: of('next', 'p99Ms'), unit: 'ms', target: { atMost: 20 } },
        { section: 'Serving, c=50', measure: 'next start without gzip, p99 latency', value: of('nextUncompressed', 'p99Ms'), unit: 'ms' },
        { section: 'Serving, c=50', measure: 'nginx p99 latency', value: of('nginx', 'p99Ms'), unit: 'ms' },
        { section: 'Serving, c=50', measure: 'errors (all runs)', value: of('next', 'errors') + of('nginx', 'errors') + of('nextUncompressed', 'errors'), unit: '', target: { atMost: 0 } },
      );
    } finally {
      await nginx.stop();
    }
  } finally {
    await server.stop();
    await baseline.stop();
  }
}

async function withPostgresDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `folio_bench_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin`create database ${admin(name)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin`drop database if exists ${admin(name)} with (force)`;
    await admin.end();
  }
}

async function benchCommentWrites(distDir: string) {
  const seconds = Number(process.env.BENCH_WRITE_SECONDS ?? 30);
  const rates = (process.env.BENCH_WRITE_RATES ?? '25,50,100').split(',').map(Number);
  const measure = async (engine: string, databaseUrl: string) => {
    await prepareDatabase(databaseUrl);
    // Bench-only settings: no minimum time, and a rate limit no load test reaches. The load
    // generator stands in for the proxy in front, which reports each reader's address.
    const server = await startNext(root, distDir, {
      ...benchEnv,
      DATABASE_URL: databaseUrl,
      FOLIO_TRUSTED_PROXIES: '1',
      FOLIO_COMMENT_MIN_SECONDS: '0',
      FOLIO_COMMENT_RATE_LIMIT: '100000000',
    });
    try {
      // A fresh process compiles the action's code paths and opens its connections on the first
      // requests; a few seconds of writes first keep that start-up out of the figures.
      await loadCommentWrites(server.url, samplePost, rates[0] ?? 25, 5, `warm-up-${engine}`);
      for (const rate of rates) {
        log(`comment writes on ${engine}, ${rate}/s for ${seconds} s`);
        const marker = `bench-${engine}-${rate}-${Date.now()}`;
        const load: WriteLoad = { ...(await loadCommentWrites(server.url, samplePost, rate, seconds, marker)), stored: 0 };
        load.stored = await countStored(databaseUrl, marker);
        const section = `Comments, ${engine}, ${rate}/s`;
        const atFullRate = rate >= 100;
        figures.push(
          { section, measure: 'achieved rate', value: load.achievedRate, unit: '/s', target: atFullRate ? { atLeast: rate * 0.95 } : undefined },
          { section, measure: 'p50 latency', value: load.p50Ms, unit: 'ms' },
          { section, measure: 'p99 latency', value: load.p99Ms, unit: 'ms', target: atFullRate ? { atMost: 100 } : undefined },
          { section, measure: 'errors', value: load.errors, unit: '', target: { atMost: 0 } },
          { section, measure: `stored − acknowledged (${load.acknowledged} acknowledged)`, value: load.stored - load.acknowledged, unit: '', target: { atMost: 0, atLeast: 0 } },
        );
      }
    } finally {
      await server.stop();
    }
  };
  await measure('SQLite', `file:${path.join(work, 'writes.sqlite')}`);
  await withPostgresDatabase((url) => measure('PostgreSQL', url));
}

function benchCommentRenders() {
  const renders = 10 * runs + 1;
  log(`rendering each pathological comment body ${renders} times`);
  const times = timeCommentRenders(renders);
  const worst = times[0];
  const section = 'Comment rendering, ≤ 5,000 characters';
  figures.push(
    { section, measure: `worst pathological body, median of ${renders} renders`, value: worst?.medianMs ?? Number.NaN, unit: 'ms', target: { atMost: 20 }, note: worst?.name },
    { section, measure: `p50 of the ${times.length} pathological bodies`, value: median(times.map((time) => time.medianMs)), unit: 'ms' },
  );
}

async function benchSearch() {
  // /search renders from the index alone, so one build of the sample site serves every size: each
  // size's index goes where that build shipped its own, and a fresh server loads it.
  const app: BuildTarget = { root, contentDirectory: path.join(root, 'content/posts'), distDir: 'bench/tmp/dist-search', cacheDirectory: path.join(work, 'cache-search-app'), folio: true };
  log('building the sample site once for the search servers');
  await runBuild(app, benchEnv);
  const shipped = path.join(root, `${app.distDir}-folio`, 'search');
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
  for (const posts of searchSizes) {
    const section = `Search, ${posts} posts`;
    const atTarget = posts === 1000;
    const contentDirectory = await generatePosts(path.join(work, `search-content-${posts}`), posts);
    log(`compiling ${posts} generated posts for search`);
    // One cache for every size: the generator writes the same first posts whatever the count.
    const indexed = await compileForSearch(contentDirectory, path.join(work, 'cache-search'));
    log(`building and loading the index of ${posts} posts`);
    const builds = await repeat(runs, async () => {
      const started = performance.now();
      const built = buildSearchIndex(indexed);
      await rm(shipped, { recursive: true, force: true });
      await writeSearchIndex(shipped, built);
      return performance.now() - started;
    });
    const indexBytes = (await fileBytes(shipped, searchIndexFiles.index)) + (await fileBytes(shipped, searchIndexFiles.positions));
    const loads = await repeat(runs, () => measureLoad(shipped));
    const queries = searchQueries(indexed);
    const index = loads[0]?.index;
    if (!index) throw new Error('the search index did not load');
    log(`${queries.length} queries, ${runs * 10} times each, in this process`);
    const times = timeSearches(index, queries, runs * 10);
    figures.push(
      { section, measure: 'index build, from compiled posts to files', value: median(builds) / 1000, unit: 's' },
      { section, measure: 'index on disk (terms and word positions)', value: indexBytes / mb, unit: 'MB', target: atTarget ? { atMost: 5 } : undefined },
      { section, measure: 'texts results quote from (on disk, read per result)', value: (await fileBytes(shipped, searchIndexFiles.texts)) / mb, unit: 'MB' },
      { section, measure: 'loaded index in memory', value: median(loads.map((load) => load.bytes)) / mb, unit: 'MB' },
      { section, measure: 'index load, once per process', value: median(loads.map((load) => load.loadMs)), unit: 'ms' },
      { section, measure: `query p50 in-process (${queries.length} queries × ${runs * 10}, page 1 with quotes)`, value: quantile(times, 0.5), unit: 'ms' },
      { section, measure: 'query p95 in-process', value: quantile(times, 0.95), unit: 'ms', target: atTarget ? { atMost: 10 } : undefined },
    );
    log(`serving /search over ${posts} posts, 10 connections`);
    const server = await startNext(root, app.distDir, benchEnv);
    try {
      const paths = queries.map((query) => `/search?${new URLSearchParams({ q: query })}`);
      await loadTest(server.url, 10, 3, { paths });
      const searches = await repeat(runs, () => loadTest(server.url, 10, seconds, { paths }));
      // The same page with no query: what rendering /search costs before any searching.
      const floor = await repeat(runs, () => loadTest(`${server.url}/search`, 10, seconds));
      const of = (list: LoadResult[], field: keyof LoadResult) => median(list.map((result) => result[field]));
      figures.push(
        { section, measure: 'end to end p50, c=10 (next start)', value: of(searches, 'p50Ms'), unit: 'ms' },
        { section, measure: 'end to end p95, c=10', value: of(searches, 'p95Ms'), unit: 'ms', target: atTarget ? { atMost: 30 } : undefined },
        { section, measure: 'searches per second, c=10', value: of(searches, 'requestsPerSecond'), unit: '/s' },
        { section, measure: '/search without a query, p95 / per second, c=10', value: of(floor, 'p95Ms'), unit: 'ms', note: `${of(floor, 'requestsPerSecond').toFixed(0)}/s` },
        { section, measure: 'errors (all runs)', value: [...searches, ...floor].reduce((sum, result) => sum + result.errors, 0), unit: '', target: { atMost: 0 } },
      );
    } finally {
      await server.stop();
    }
  }
  await rm(path.join(root, app.distDir), { recursive: true, force: true });
  await rm(path.join(root, `${app.distDir}-folio`), { recursive: true, force: true });
}

const started = performance.now();
await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
await prepareDatabase(benchEnv.DATABASE_URL);
if (parts.has('builds')) for (const posts of sizes) await benchBuilds(posts);
if (parts.has('site')) {
  await benchPages();
  await benchCommentWrites('bench/tmp/dist-site');
}
if (parts.has('comment-render')) benchCommentRenders();
if (parts.has('search')) await benchSearch();

const table = formatTable(figures);
console.log(table);
const minutes = (performance.now() - started) / 60_000;
console.log(`\n${runs} runs per figure (fewer for the 1,000-post builds); medians shown. Whole bench: ${minutes.toFixed(1)} min on ${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GiB.`);
await writeResults(path.join(root, 'bench/results.json'), figures, {
  date: new Date().toISOString(),
  node: process.version,
  cores: cpus().length,
  runs,
  minutes,
});

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageSize } from 'image-size';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import titles from '@/tests/fixtures/og/titles.json';
import { renderCard } from '@/lib/og/render';
import { getCardFonts } from '@/lib/og/fonts';
import { fitTitle } from '@/lib/og/social-card';

let cacheRoot: string;
// Satori fetches fonts and emoji for glyphs it lacks; a card must never touch the network.
const realFetch = globalThis.fetch;
const fetched: string[] = [];

beforeAll(async () => {
  cacheRoot = await mkdtemp(path.join(tmpdir(), 'folio-og-'));
  process.env.FOLIO_CACHE_DIR = cacheRoot;
  // next/og loads its own WebAssembly through fetch of a data: URL; anything else is the network.
  globalThis.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.startsWith('data:')) return realFetch(input, init);
    fetched.push(url);
    throw new Error('cards must render offline');
  };
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  delete process.env.FOLIO_CACHE_DIR;
  await rm(cacheRoot, { recursive: true, force: true });
});

const post = (title: string) => ({ kind: 'post' as const, title, date: '2024-05-06', readingMinutes: 4 });

describe('social cards', () => {
  it.each(Object.entries(titles))('renders a 1200×630 PNG for a %s title without going online', async (_, title) => {
    expect(imageSize(await renderCard(post(title)))).toEqual({ type: 'png', width: 1200, height: 630 });
    expect(fetched).toEqual([]);
  });

  it('renders the site card', async () => {
    expect(imageSize(await renderCard({ kind: 'site' }))).toEqual({ type: 'png', width: 1200, height: 630 });
  });

  it('shrinks a long title, and cuts one too long for the card at a word', async () => {
    const face = (await getCardFonts()).facesFor('Noto Serif')[0]!;
    const short = fitTitle('A short title', face);
    const long = fitTitle(titles.long, face);
    const endless = fitTitle(`${titles.long} ${titles.long}`, face);
    expect(long.fontSize).toBeLessThan(short.fontSize);
    expect(endless.text).toMatch(/\w…$/);
    expect(endless.text.length).toBeLessThan(titles.long.length * 2);
  });

  it('renders a card once and reuses it until its title or date changes', async () => {
    const directory = path.join(cacheRoot, 'og');
    const countEntries = async () => (await readdir(directory)).filter((name) => name.endsWith('.png')).length;
    await renderCard(post('Cached once'));
    const before = await countEntries();
    await renderCard(post('Cached once'));
    expect(await countEntries()).toBe(before);
    await renderCard({ ...post('Cached once'), date: '2024-05-07' });
    expect(await countEntries()).toBe(before + 1);
  });
});

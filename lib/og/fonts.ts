import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Font } from 'opentype.js';
import { parse } from 'opentype.js/dist/opentype.mjs';

/** `ImageResponse`'s font option, spelled out because next/og does not export the type. */
export interface CardFont {
  name: string;
  data: ArrayBuffer;
  weight: 400 | 700;
  style: 'normal';
}

export const cardFamilies = { serif: 'Noto Serif', sans: 'Noto Sans' } as const;

// Satori picks one file per family and weight, so each Unicode subset gets a family
// name of its own and serves as a fallback for the others. No WOFF2: satori cannot read it.
const fontFiles = [
  ...['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'].map((subset) => ({
    family: cardFamilies.serif,
    file: `@fontsource/noto-serif/files/noto-serif-${subset}-700-normal.woff`,
    subset,
    weight: 700 as const,
  })),
  ...['latin', 'latin-ext'].map((subset) => ({
    family: cardFamilies.sans,
    file: `@fontsource/noto-sans/files/noto-sans-${subset}-400-normal.woff`,
    subset,
    weight: 400 as const,
  })),
];

export const fontPackages = ['@fontsource/noto-serif', '@fontsource/noto-sans'];

export interface LoadedFonts {
  fonts: CardFont[];
  /** Parsed faces of `family` first, then every other face: the order satori falls back through them. */
  facesFor(family: string): Font[];
}

async function loadFonts(): Promise<LoadedFonts> {
  const loaded = await Promise.all(
    fontFiles.map(async ({ family, file, subset, weight }) => {
      const bytes = await readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', file));
      const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const name = subset === 'latin' ? family : `${family} ${subset}`;
      return { font: { name, data, weight, style: 'normal' as const }, face: parse(data) };
    }),
  );
  return {
    fonts: loaded.map(({ font }) => font),
    facesFor: (family) =>
      [...loaded].sort((a, b) => Number(b.font.name === family) - Number(a.font.name === family)).map(({ face }) => face),
  };
}

// Next bundles each route on its own, each with its own copy of this module; a
// global keeps the fonts to one read per process rather than one per route.
const processWide = globalThis as typeof globalThis & { folioCardFonts?: Promise<LoadedFonts> };

/** Reads and parses the card fonts once per process. */
export function getCardFonts(): Promise<LoadedFonts> {
  processWide.folioCardFonts ??= loadFonts();
  return processWide.folioCardFonts;
}

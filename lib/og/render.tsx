import { ImageResponse } from 'next/og';
import { cachedOnDisk, hashKey } from '@/lib/content/disk-cache';
import { installedVersions } from '@/lib/installed-versions';
import { cardFamilies, fontPackages, getCardFonts } from './fonts';
import { renderableText } from './renderable-text';
import { cardSize, socialCard, type CardContent } from './social-card';

export { cardSize, type CardContent };
export const cardContentType = 'image/png';

let renderersKey: string | undefined;
/** The image changes when next/og's renderer or a font changes. */
function getRenderersKey(): string {
  renderersKey ??= hashKey(installedVersions(['next', ...fontPackages]));
  return renderersKey;
}

// React elements carry bookkeeping (`_owner`, `_store`) that says nothing about the picture.
function describeTree(key: string, value: unknown): unknown {
  return key.startsWith('_') ? undefined : value;
}

const pngCodec = { encode: (png: Buffer) => png, decode: (data: Buffer) => data };

async function cardElement(content: CardContent) {
  const { fonts, facesFor } = await getCardFonts();
  const titleFace = facesFor(cardFamilies.serif)[0];
  if (!titleFace) throw new Error('The card fonts did not load');
  const element = socialCard(content, { titleFace, renderable: (text, family) => renderableText(text, facesFor(family)) });
  return { element, fonts };
}

async function draw({ element, fonts }: Awaited<ReturnType<typeof cardElement>>): Promise<Buffer> {
  return Buffer.from(await new ImageResponse(element, { ...cardSize, fonts }).arrayBuffer());
}

/** Draws a 1200×630 PNG card, always afresh. */
export async function drawCard(content: CardContent): Promise<Buffer> {
  return draw(await cardElement(content));
}

/**
 * A card, drawn only when something that shows in it changed. The cache key is the exact element
 * tree satori lays out (template and text together) plus the renderer, font files and their versions.
 */
export async function renderCard(content: CardContent): Promise<Buffer> {
  const card = await cardElement(content);
  const fontFaces = card.fonts.map(({ name, weight }) => `${name}@${weight}`);
  const key = hashKey(getRenderersKey(), fontFaces, JSON.stringify(card.element, describeTree));
  return cachedOnDisk('og', key, 'png', () => draw(card), pngCodec);
}

/** The response every `opengraph-image` route returns. */
export async function cardResponse(content: CardContent): Promise<Response> {
  return new Response(new Uint8Array(await renderCard(content)), { headers: { 'Content-Type': cardContentType } });
}

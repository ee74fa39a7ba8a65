import { ImageResponse } from 'next/og';
import { cachedOnDisk, hashKey } from '@/lib/content/disk-cache';
import { cacheDirectory } from '@/lib/content/paths';
import { timed } from '@/lib/bench-timings';
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

/**
 * Renders a 1200×630 PNG card. The cache key is the exact element tree satori
 * lays out (template and text together) plus the renderer, font files and their
 * versions, so an image is rendered again only when something that shows in it changed.
 */
export async function renderCard(content: CardContent): Promise<Buffer> {
  const { fonts, facesFor } = await getCardFonts();
  const titleFace = facesFor(cardFamilies.serif)[0];
  if (!titleFace) throw new Error('The card fonts did not load');
  const element = socialCard(content, { titleFace, renderable: (text, family) => renderableText(text, facesFor(family)) });
  const fontFaces = fonts.map(({ name, weight }) => `${name}@${weight}`);
  const key = hashKey(getRenderersKey(), fontFaces, JSON.stringify(element, describeTree));
  const render = () => timed('og', async () => Buffer.from(await new ImageResponse(element, { ...cardSize, fonts }).arrayBuffer()));
  return cachedOnDisk(cacheDirectory('og'), key, 'png', render, pngCodec);
}

/** The response every `opengraph-image` route returns. */
export async function cardResponse(content: CardContent): Promise<Response> {
  return new Response(new Uint8Array(await renderCard(content)), { headers: { 'Content-Type': cardContentType } });
}

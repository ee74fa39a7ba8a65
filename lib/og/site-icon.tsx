import { ImageResponse } from 'next/og';
import siteConfig from '@/site.config';
import { cardFamilies, getCardFonts } from './fonts';
import { renderableText } from './renderable-text';

export const iconContentType = 'image/png';

/** The first letter of the blog's title the card fonts can draw, or a dot for a title without one. */
export function iconLetter(title: string, render: (text: string) => string): string {
  const letter = [...render(title)].find((character) => /\p{L}|\p{N}/u.test(character));
  return letter?.toLocaleUpperCase(siteConfig.language) ?? '•';
}

/**
 * The blog's icon: its initial in the title's typeface on the accent colour, square and drawn
 * at the size asked for, so the favicon and the home-screen icon follow site.config.ts.
 */
export async function siteIconResponse(size: { width: number; height: number }): Promise<ImageResponse> {
  const { fonts, facesFor } = await getCardFonts();
  const { accent, background } = siteConfig.colors.light;
  const letter = iconLetter(siteConfig.title, (text) => renderableText(text, facesFor(cardFamilies.serif)));
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          background: accent,
          color: background,
          fontFamily: cardFamilies.serif,
          fontWeight: 700,
          fontSize: Math.round(size.height * 0.72),
          lineHeight: 1,
        }}
      >
        {letter}
      </div>
    ),
    { ...size, fonts },
  );
}

import type { Font } from 'opentype.js';
import type { ReactElement } from 'react';
import { formatPostDate } from '@/lib/content/dates';
import { truncateAtWord } from '@/lib/content/excerpt';
import siteConfig from '@/site.config';
import { cardFamilies } from './fonts';

export const cardSize = { width: 1200, height: 630 } as const;

/** What a card shows: a post's title and byline, or the blog itself. */
export type CardContent = { kind: 'post'; title: string; date: string; readingMinutes: number } | { kind: 'site' };

// The blog's light theme (site.config.ts, app/globals.css).
const { background, text, accent } = siteConfig.colors.light;
const colors = { bg: background, fg: text, muted: '#5c5c66', rule: '#e3e0da', accent };
const padding = 80;
const textWidth = cardSize.width - 2 * padding;
const titleSizes = [84, 76, 68, 60, 52, 46];
// Big type gets three lines, smaller type four: both fill the same height.
const maxTitleLines = (fontSize: number) => (fontSize >= 68 ? 3 : 4);
const lineHeight = 1.18;

/**
 * The largest size at which the title fits its lines; a title too long even
 * for the smallest size is cut at a word. Widths are measured with the title's face;
 * the margin allows for the space lost where lines break.
 */
export function fitTitle(title: string, face: Font): { text: string; fontSize: number } {
  const estimatedLines = (text: string, size: number) => Math.ceil((face.getAdvanceWidth(text, size) * 1.1) / textWidth);
  for (const fontSize of titleSizes) {
    if (estimatedLines(title, fontSize) <= maxTitleLines(fontSize)) return { text: title, fontSize };
  }
  const fontSize = titleSizes[titleSizes.length - 1] ?? 46;
  const share = maxTitleLines(fontSize) / estimatedLines(title, fontSize);
  return { text: truncateAtWord(title, Math.floor(title.length * share)), fontSize };
}

// Plain functions, not components: the cache key needs the fully expanded tree.
function frame({ header, footer, body }: { header: string; footer: string; body: ReactElement }): ReactElement {
  const host = new URL(siteConfig.url).host;
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: `${padding - 16}px ${padding}px ${padding - 24}px`,
        background: colors.bg,
        color: colors.fg,
        borderTop: `16px solid ${colors.accent}`,
        fontFamily: cardFamilies.sans,
      }}
    >
      <div style={{ display: 'flex', fontSize: 32, color: colors.fg }}>{header}</div>
      {body}
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          paddingTop: 28,
          borderTop: `2px solid ${colors.rule}`,
          fontSize: 28,
          color: colors.muted,
        }}
      >
        <span>{footer}</span>
        <span style={{ color: colors.accent }}>{host}</span>
      </div>
    </div>
  );
}

/** The card's element tree, with text already limited to what the bundled fonts can draw. */
export function socialCard(
  content: CardContent,
  { renderable, titleFace }: { renderable: (text: string, family: string) => string; titleFace: Font },
): ReactElement {
  if (content.kind === 'site') {
    const body = (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 28 }}>
        <div style={{ display: 'flex', fontFamily: cardFamilies.serif, fontWeight: 700, fontSize: 96, lineHeight }}>
          {renderable(siteConfig.title, cardFamilies.serif)}
        </div>
        <div style={{ display: 'flex', fontSize: 36, lineHeight: 1.4, color: colors.muted }}>
          {renderable(siteConfig.description, cardFamilies.sans)}
        </div>
      </div>
    );
    return frame({ header: renderable(siteConfig.author.name, cardFamilies.sans), footer: 'Posts, tags and feeds', body });
  }
  const title = fitTitle(renderable(content.title, cardFamilies.serif), titleFace);
  const body = (
    <div
      style={{
        display: 'flex',
        fontFamily: cardFamilies.serif,
        fontWeight: 700,
        fontSize: title.fontSize,
        lineHeight,
        letterSpacing: '-0.01em',
      }}
    >
      {title.text}
    </div>
  );
  return frame({
    header: renderable(siteConfig.title, cardFamilies.sans),
    footer: `${formatPostDate(content.date)} · ${content.readingMinutes} min read`,
    body,
  });
}

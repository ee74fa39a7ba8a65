import { cardContentType, cardResponse, cardSize } from '@/lib/og/render';
import { siteCard } from '@/lib/og/paths';

export const alt = siteCard.alt;
export const size = cardSize;
export const contentType = cardContentType;

export default function Image() {
  return cardResponse({ kind: 'site' });
}

import { cardContentType, cardResponse, cardSize } from '@/lib/og/render';
import siteConfig from '@/site.config';

export const alt = `${siteConfig.title}: ${siteConfig.description}`;
export const size = cardSize;
export const contentType = cardContentType;

export default function Image() {
  return cardResponse({ kind: 'site' });
}

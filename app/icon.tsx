import { iconContentType, siteIconResponse } from '@/lib/og/site-icon';

export const size = { width: 32, height: 32 };
export const contentType = iconContentType;

export default function Icon() {
  return siteIconResponse(size);
}

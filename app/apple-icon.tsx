import { iconContentType, siteIconResponse } from '@/lib/og/site-icon';

export const size = { width: 180, height: 180 };
export const contentType = iconContentType;

export default function AppleIcon() {
  return siteIconResponse(size);
}

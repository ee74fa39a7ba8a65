import { issueFormToken } from '@/lib/comments/form-token';

// The post page is static, so its form asks here for the time it was really shown.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ token: issueFormToken(new Date()) }, { headers: { 'Cache-Control': 'no-store' } });
}

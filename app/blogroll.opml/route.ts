import { getBlogroll } from '@/lib/blogroll/blogroll';
import { toOpml } from '@/lib/blogroll/opml';

export const dynamic = 'force-static';

export async function GET() {
  return new Response(toOpml(await getBlogroll()), { headers: { 'content-type': 'text/x-opml; charset=utf-8' } });
}

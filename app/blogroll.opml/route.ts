import { getBlogroll } from '@/lib/blogroll/blogroll';
import { toOpml } from '@/lib/blogroll/opml';

export const dynamic = 'force-static';

export async function GET() {
  const blogs = await getBlogroll();
  // OPML needs at least one outline: with nothing followed there is no list to export.
  if (blogs.length === 0) return new Response('No blogs are followed yet.\n', { status: 404 });
  return new Response(toOpml(blogs), { headers: { 'content-type': 'text/x-opml; charset=utf-8' } });
}

import { z } from 'zod';
import siteConfig from '@/site.config';

const feedSourceSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  name: z.string().trim().min(1).optional(),
});

export type FeedSource = z.infer<typeof feedSourceSchema>;

export interface BlogrollSettings {
  feeds: FeedSource[];
  feedTimeoutMs: number;
  totalTimeoutMs: number;
}

function configuredFeeds(): unknown[] {
  const fromEnvironment = process.env.FOLIO_BLOGROLL;
  if (fromEnvironment === undefined) return siteConfig.blogroll.feeds;
  return fromEnvironment
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
    .map((url) => ({ url }));
}

/** The followed feeds from `site.config.ts`, or from FOLIO_BLOGROLL when it is set. */
export function getBlogrollSettings(): BlogrollSettings {
  const ownHost = new URL(siteConfig.url).host;
  const feeds = new Map<string, FeedSource>();
  for (const candidate of configuredFeeds()) {
    const source = feedSourceSchema.safeParse(candidate);
    if (!source.success) {
      console.warn(`Blogroll: ignoring ${JSON.stringify(candidate)}: not an http(s) feed URL`);
      continue;
    }
    // The site's own feed would only show the reader this blog's posts again.
    if (new URL(source.data.url).host === ownHost || feeds.has(source.data.url)) continue;
    feeds.set(source.data.url, source.data);
  }
  const { feedTimeoutSeconds, totalTimeoutSeconds } = siteConfig.blogroll;
  return { feeds: [...feeds.values()], feedTimeoutMs: feedTimeoutSeconds * 1000, totalTimeoutMs: totalTimeoutSeconds * 1000 };
}

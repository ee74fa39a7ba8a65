/**
 * The one place a blogger configures Folio. `SITE_URL` overrides `url` so that
 * previews and deployments can build absolute links without editing this file.
 */
const siteConfig = {
  title: "Ada's blog",
  author: {
    name: 'Ada Example',
    url: 'https://example.com/about',
  },
  description: 'Notes on software, writing and the small machines that run our days.',
  url: process.env.SITE_URL ?? 'http://localhost:3000',
  language: 'en',
  /**
   * The blog's own colours, in both themes: pages, the browser's address bar, the favicon and
   * the social cards all take them from here. Keep text and background at a contrast of 4.5:1 or more.
   */
  colors: {
    light: { background: '#fdfcfa', text: '#1f1f24', accent: '#8a3b12' },
    dark: { background: '#17171a', text: '#e6e4df', accent: '#f0a46c' },
  },
  /**
   * Posts in each feed (RSS, Atom, JSON and per tag), newest first, each in full. Feed readers poll
   * feeds every hour or so; a feed of every post ever written grows by the post, never read past the top.
   */
  feedPosts: 20,
  /** Posts with at least this many words show a table of contents. */
  tocMinWords: 600,
  /** Results on each page of /search: a title, date, tags and a quoted passage each, about one screen. */
  searchResultsPerPage: 5,
  /**
   * "Articles from blogs I read": the newest article of each followed blog,
   * fetched while the site builds, at the end of every post and on /blogroll.
   * The environment variable FOLIO_BLOGROLL (comma-separated feed URLs) replaces `feeds`.
   */
  blogroll: {
    feeds: [
      // { url: 'https://go.dev/blog/feed.atom', name: 'The Go Blog' },
    ] as { url: string; name?: string }[],
    /** Articles in the box at the end of a post, at most one per blog. */
    articles: 3,
    feedTimeoutSeconds: 5,
    /** However many feeds hang, the build waits no longer than this for them. */
    totalTimeoutSeconds: 10,
  },
  comments: {
    /** `all` holds every comment for moderation, `first-time` only those of new commenters, `none` publishes at once. */
    moderation: 'first-time' as 'all' | 'first-time' | 'none',
    /** Seconds between showing the form and submitting it, below which a submission is taken for a bot. */
    minSecondsToSubmit: 3,
    rateLimit: { comments: 5, minutes: 10 },
    /** How long a reader may edit or delete their own comment. */
    editMinutes: 15,
  },
} as const;

export type SiteConfig = typeof siteConfig;
export default siteConfig;

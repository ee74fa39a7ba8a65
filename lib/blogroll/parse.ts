import { parseFeed } from 'feedsmith';
import type { Article, FeedSnapshot } from './blog';
import { compareNewestFirst } from './blog';
import { shortenAtWord, toPlainText } from './text';

interface Text {
  value: string;
  isHtml: boolean;
}

interface Entry {
  title?: Text;
  link?: string;
  summary?: Text;
  date?: string;
}

interface Channel {
  title?: Text;
  homepage?: string;
  entries: Entry[];
}

const titleLength = 100;

function html(value: string | undefined): Text | undefined {
  return value ? { value, isHtml: true } : undefined;
}

function plain(value: string | undefined): Text | undefined {
  return value ? { value, isHtml: false } : undefined;
}

/** Atom text constructs are plain text unless their type says otherwise. */
function atomText(text: { value?: string; type?: string } | undefined): Text | undefined {
  return text?.value ? { value: text.value, isHtml: text.type === 'html' || text.type === 'xhtml' } : undefined;
}

function alternateLink(links: { href?: string; rel?: string }[] | undefined): string | undefined {
  return links?.find((link) => !link.rel || link.rel === 'alternate')?.href;
}

/** RSS titles and descriptions are HTML in practice, whatever the specification says. */
function readChannel(body: string): Channel {
  const parsed = parseFeed(body);
  switch (parsed.format) {
    case 'rss':
    case 'rdf':
      return {
        title: html(parsed.feed.title),
        homepage: parsed.feed.link,
        entries: (parsed.feed.items ?? []).map((item) => ({
          title: html(item.title),
          link: item.link,
          summary: html(item.description ?? item.content?.encoded),
          date: ('pubDate' in item ? item.pubDate : undefined) ?? item.dc?.dates?.[0],
        })),
      };
    case 'atom':
      return {
        title: atomText(parsed.feed.title),
        homepage: alternateLink(parsed.feed.links),
        entries: (parsed.feed.entries ?? []).map((entry) => ({
          title: atomText(entry.title),
          link: alternateLink(entry.links),
          summary: atomText(entry.summary) ?? atomText(entry.content),
          date: entry.published ?? entry.updated,
        })),
      };
    case 'json':
      return {
        title: plain(parsed.feed.title),
        homepage: parsed.feed.home_page_url,
        entries: (parsed.feed.items ?? []).map((item) => ({
          title: plain(item.title),
          link: item.url ?? item.external_url,
          summary: plain(item.summary) ?? html(item.content_html) ?? plain(item.content_text),
          date: item.date_published ?? item.date_modified,
        })),
      };
  }
}

/** Only web links: a feed must not smuggle `javascript:` or other schemes into a page. */
function webUrl(link: string | undefined, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isoDate(raw: string | undefined): string | undefined {
  const time = raw ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function textOf(text: Text | undefined): string {
  return text ? toPlainText(text.value, text.isHtml) : '';
}

function toArticle(entry: Entry, base: string): Article | undefined {
  const url = webUrl(entry.link, base);
  const summary = textOf(entry.summary);
  // Untitled posts (notes, microblogs) are named by the start of their text.
  const title = textOf(entry.title) || shortenAtWord(summary, titleLength);
  if (!url || !title) return undefined;
  return { title, url, summary: shortenAtWord(summary), published: isoDate(entry.date) };
}

/**
 * Reads an RSS 2.0, RSS 1.0, Atom 1.0 or JSON Feed document. Titles and
 * summaries come out as plain text; throws when the document is no feed.
 */
export function parseFeedSnapshot(body: string, feedUrl: string): FeedSnapshot {
  const channel = readChannel(body);
  const homepage = webUrl(channel.homepage, feedUrl);
  const articles = channel.entries.flatMap((entry) => toArticle(entry, homepage ?? feedUrl) ?? []);
  return {
    title: textOf(channel.title) || undefined,
    homepage,
    latest: articles.toSorted(compareNewestFirst)[0],
  };
}

import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { getCompiledPost } from '../posts';
import { postsDirectory } from '@/lib/deploy/paths.mjs';
import { listPostSlugs, listPostSlugsNow } from '../post-files';
import { describeProblem } from '../check/checked-post';

/** What an open page needs to hear: the content changed, and which posts are broken now. */
export interface ContentState {
  version: number;
  problems: string[];
}

type Listener = (state: ContentState) => void;

interface ContentWatcher {
  watcher: FSWatcher;
  /** Where the dev server answers, learnt from the first page that listens. */
  origin?: string;
  listeners: Set<Listener>;
  state: ContentState;
  problems: Map<string, string>;
  /** The posts there were when the open pages last heard of a change. */
  slugs: Set<string>;
}

// Settles a burst of events (an editor's write-and-rename, a folder copy) into one message.
const settleMs = 40;

async function problemIn(file: string): Promise<string | undefined> {
  try {
    await getCompiledPost(file, await readFile(file, 'utf8'));
    return undefined;
  } catch (error) {
    return describeProblem(file, error);
  }
}

const routeSettleMs = 10_000;

/**
 * `next dev` answers a post's URL from the list of posts it saw last, and refreshes that list in
 * the background when the URL is asked for. Asking until a new post answers (and a deleted one
 * no longer does) means the page that hears of the change can open it at once.
 */
async function settlePostRoutes(origin: string | undefined, slugs: Map<string, boolean>): Promise<void> {
  if (!origin) return;
  const deadline = Date.now() + routeSettleMs;
  for (const [slug, exists] of slugs) {
    while (Date.now() < deadline) {
      const response = await fetch(`${origin}/blog/${slug}`, { method: 'HEAD' }).catch(() => undefined);
      if (!response || (response.status === 200) === exists) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function startWatcher(): ContentWatcher {
  const directory = postsDirectory();
  const content: ContentWatcher = {
    watcher: watch(directory, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 20, pollInterval: 10 } }),
    listeners: new Set(),
    state: { version: 0, problems: [] },
    problems: new Map(),
    slugs: listPostSlugsNow(),
  };
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const postFile = (slug: string) => path.join(directory, `${slug}.mdx`);
  const publish = async () => {
    const files = new Set(changed);
    changed.clear();
    // Posts added or removed are read from the folder, not from the events: a page told of another
    // change (a component saved just before the post) lists what is on disk, new post included.
    const current = await listPostSlugs();
    const added = [...current].filter((slug) => !content.slugs.has(slug));
    const removed = [...content.slugs].filter((slug) => !current.has(slug));
    for (const slug of added) files.add(postFile(slug));
    for (const file of files) {
      const problem = file.endsWith('.mdx') ? await problemIn(file) : undefined;
      if (problem) content.problems.set(file, problem);
      else content.problems.delete(file);
    }
    // A broken new post will not answer until it is fixed: the page hears of its problem at once,
    // and the post counts as new until it compiles.
    const answering = added.filter((slug) => !content.problems.has(postFile(slug)));
    await settlePostRoutes(content.origin, new Map([...answering.map((slug) => [slug, true] as const), ...removed.map((slug) => [slug, false] as const)]));
    for (const slug of answering) content.slugs.add(slug);
    for (const slug of removed) content.slugs.delete(slug);
    content.state = { version: content.state.version + 1, problems: [...content.problems.values()] };
    for (const listener of content.listeners) listener(content.state);
  };
  content.watcher.on('all', (event, file) => {
    // A post that is gone has no problem left; anything else beside the posts (a component a post
    // imports, an image) is checked through the posts when the page renders them.
    if (event === 'unlink' || event === 'unlinkDir') content.problems.delete(file);
    else changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => void publish(), settleMs);
  });
  return content;
}

// One watcher per dev server: every route bundle has its own copy of this module.
const processWide = globalThis as typeof globalThis & { folioContentWatcher?: ContentWatcher };

/** Calls `listener` with the current state now and after every change to the posts folder, until unsubscribed. */
export function subscribeToContent(listener: Listener, origin: string): () => void {
  const content = (processWide.folioContentWatcher ??= startWatcher());
  content.origin ??= origin;
  content.listeners.add(listener);
  listener(content.state);
  return () => content.listeners.delete(listener);
}

'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useState } from 'react';

interface ContentState {
  version: number;
  problems: string[];
}

/**
 * Under `next dev` only: re-renders the open page when a post is saved, and shows what is wrong
 * with a post that no longer compiles until it is fixed. Posts are read from disk, outside the
 * module graph that Next's own hot reloading follows.
 */
export function LiveReload() {
  const router = useRouter();
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    const events = new EventSource('/api/dev/live');
    let seen: number | undefined;
    events.onmessage = (event: MessageEvent<string>) => {
      const state = JSON.parse(event.data) as ContentState;
      setProblems(state.problems);
      const changed = seen !== undefined && state.version !== seen;
      seen = state.version;
      if (changed && state.problems.length === 0) startTransition(() => router.refresh());
    };
    return () => events.close();
  }, [router]);
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="live-reload-problems">
      <p>{problems.length === 1 ? 'This post does not compile:' : 'These posts do not compile:'}</p>
      <pre>{problems.join('\n')}</pre>
    </div>
  );
}

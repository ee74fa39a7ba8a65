'use client';

import { useRouter } from 'next/navigation';
import { useRef, useTransition } from 'react';

// Long enough that a word typed at a normal pace asks once, short enough to feel immediate.
const typingPauseMs = 200;

/**
 * The search page's own form. Without JavaScript it submits like any GET form; with it, the
 * results follow the words as they are typed. Only /search loads this: the header's form is plain HTML.
 */
export function SearchForm({ query, maxLength }: { query: string; maxLength: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const showResults = (value: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      startTransition(() => router.replace(`/search?${new URLSearchParams({ q: value })}`, { scroll: false }));
    }, typingPauseMs);
  };
  return (
    <form action="/search" role="search" aria-label="Search posts" className="search-form" aria-busy={pending}>
      <label htmlFor="search-query">Words or a &quot;phrase in quotes&quot;</label>
      <div className="search-form-row">
        <input id="search-query" type="search" name="q" defaultValue={query} maxLength={maxLength} onChange={(event) => showResults(event.currentTarget.value)} />
        <button type="submit">Search</button>
      </div>
    </form>
  );
}

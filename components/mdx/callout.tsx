import type { ReactNode } from 'react';

const labels = { note: 'Note', tip: 'Tip', warning: 'Warning' } as const;

interface CalloutProps {
  type?: keyof typeof labels;
  title?: string;
  children: ReactNode;
}

/** A highlighted aside that stays readable out of context (feeds, reader mode). */
export function Callout({ type = 'note', title, children }: CalloutProps) {
  return (
    <aside className={`callout callout-${type}`} aria-label={title ?? labels[type]}>
      <p className="callout-title">{title ?? labels[type]}</p>
      {children}
    </aside>
  );
}

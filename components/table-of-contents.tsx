import type { TocEntry } from '@/lib/content/rehype-collect-headings';

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">Contents</h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? 'toc-sub' : undefined}>
            <a href={`#${entry.id}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

import type { TocEntry } from '@/lib/content/rehype-collect-headings';

interface Section {
  entry: TocEntry;
  subsections: TocEntry[];
}

/** Each h3 belongs to the h2 before it; one before any h2 stands on its own. */
function nestSections(entries: TocEntry[]): Section[] {
  const sections: Section[] = [];
  for (const entry of entries) {
    const parent = sections.at(-1);
    if (entry.depth === 3 && parent) parent.subsections.push(entry);
    else sections.push({ entry, subsections: [] });
  }
  return sections;
}

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">Contents</h2>
      <ol>
        {nestSections(entries).map(({ entry, subsections }) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`}>{entry.text}</a>
            {subsections.length > 0 ? (
              <ol>
                {subsections.map((subsection) => (
                  <li key={subsection.id}>
                    <a href={`#${subsection.id}`}>{subsection.text}</a>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

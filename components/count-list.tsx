import { IndexLink } from './index-link';

/** Index pages (tags, series): each entry links to its page and says how many it holds, "(3 posts)". */
export function CountList({ entries, unit }: { entries: { href: string; name: string; count: number }[]; unit: [one: string, many: string] }) {
  return (
    <ul className="tag-list">
      {entries.map((entry) => (
        <li key={entry.href}>
          <IndexLink href={entry.href}>{entry.name}</IndexLink>{' '}
          <span className="count">
            ({entry.count} {entry.count === 1 ? unit[0] : unit[1]})
          </span>
        </li>
      ))}
    </ul>
  );
}

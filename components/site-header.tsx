import Link from 'next/link';
import siteConfig from '@/site.config';

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="site-title">
        {siteConfig.title}
      </Link>
      <nav aria-label="Site">
        <ul>
          <li>
            <Link href="/archive">Archive</Link>
          </li>
          <li>
            <Link href="/tags">Tags</Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}

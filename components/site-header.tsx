import siteConfig from '@/site.config';
import { IndexLink } from './index-link';

export function SiteHeader() {
  return (
    <header className="site-header">
      <IndexLink href="/" className="site-title">
        {siteConfig.title}
      </IndexLink>
      <nav aria-label="Site">
        <ul>
          <li>
            <IndexLink href="/archive">Archive</IndexLink>
          </li>
          <li>
            <IndexLink href="/tags">Tags</IndexLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}

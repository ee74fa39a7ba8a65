import { getAllSeries } from '@/lib/content/series';
import siteConfig from '@/site.config';
import { IndexLink } from './index-link';
import { SiteSearch } from './search/site-search';

export async function SiteHeader() {
  const hasSeries = (await getAllSeries()).length > 0;
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
          {hasSeries ? (
            <li>
              <IndexLink href="/series">Series</IndexLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <SiteSearch />
    </header>
  );
}

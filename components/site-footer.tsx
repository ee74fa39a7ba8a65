import siteConfig from '@/site.config';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        {siteConfig.title} by <a href={siteConfig.author.url}>{siteConfig.author.name}</a>. Made with Folio.
      </p>
    </footer>
  );
}

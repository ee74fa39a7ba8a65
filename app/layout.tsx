import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { LiveReload } from '@/components/live-reload';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { ThemeColors } from '@/components/theme-colors';
import { siteCard } from '@/lib/og/paths';
import { pageAlternates } from '@/lib/share/feeds';
import siteConfig from '@/site.config';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(siteConfig.url),
  title: { default: siteConfig.title, template: `%s — ${siteConfig.title}` },
  description: siteConfig.description,
  authors: [{ name: siteConfig.author.name, url: siteConfig.author.url }],
  alternates: pageAlternates(),
  openGraph: { type: 'website', siteName: siteConfig.title, title: siteConfig.title, description: siteConfig.description },
  twitter: { card: 'summary_large_image', images: [{ url: siteCard.path, alt: siteCard.alt }] },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: siteConfig.colors.light.background },
    { media: '(prefers-color-scheme: dark)', color: siteConfig.colors.dark.background },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={siteConfig.language}>
      <head>
        <ThemeColors />
      </head>
      <body>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <SiteHeader />
        <main id="content" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        {process.env.NODE_ENV === 'development' ? <LiveReload /> : null}
      </body>
    </html>
  );
}

import siteConfig from '@/site.config';

interface Palette {
  background: string;
  text: string;
  accent: string;
}

const declarations = ({ background, text, accent }: Palette) => `--bg:${background};--fg:${text};--accent:${accent}`;

/** The blog's colours as the stylesheet's custom properties, so that site.config.ts alone sets them. */
export function ThemeColors() {
  const css = `:root{${declarations(siteConfig.colors.light)}}@media (prefers-color-scheme: dark){:root{${declarations(siteConfig.colors.dark)}}}`;
  return <style>{css}</style>;
}

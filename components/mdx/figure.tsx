import type { ReactNode } from 'react';

interface FigureProps {
  src: string;
  alt: string;
  width: number;
  height: number;
  caption: ReactNode;
}

/** An image with a caption. Width and height are required so the page never shifts while it loads. */
export function Figure({ src, alt, width, height, caption }: FigureProps) {
  return (
    <figure className="figure">
      {/* Posts are static and images come from public/: no optimiser route is needed. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt={alt} width={width} height={height} loading="lazy" decoding="async" />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

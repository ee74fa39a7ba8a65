import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { imageSize } from 'image-size';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Gives every Markdown image from `public/` its intrinsic width and height,
 * so the browser reserves the space and the page does not shift as it loads.
 * A missing file fails the build: a broken image is a bug in the post.
 */
export const rehypeImageDimensions: Plugin<[{ publicDirectory: string }], Root> = ({ publicDirectory }) => {
  return (tree, file) => {
    visit(tree, 'element', (node) => {
      const src = node.properties.src;
      if (node.tagName !== 'img' || typeof src !== 'string' || !src.startsWith('/')) return;
      const position = node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
      const imagePath = path.join(publicDirectory, decodeURIComponent(src.split(/[?#]/)[0] ?? src));
      if (!existsSync(imagePath)) file.fail(`Image ${src} was not found in public/`, position);
      const { width, height } = imageSize(readFileSync(imagePath));
      node.properties.width ??= width;
      node.properties.height ??= height;
      node.properties.loading ??= 'lazy';
      node.properties.decoding ??= 'async';
    });
  };
};

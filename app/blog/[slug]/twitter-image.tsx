export { alt, contentType, default, generateStaticParams, size } from './opengraph-image';

// Route segment config must be written out here: Next cannot read a re-exported one.
export const dynamicParams = false;

/**
 * The last segment of an address or path, as a slug: `https://old.example/2022/10/03/my-post/?x=1`,
 * `/blog/my-post` and `my-post` all give `my-post`, whatever the host.
 */
export function lastPathSegment(address: string): string {
  let pathname: string;
  try {
    pathname = new URL(address, 'http://relative.invalid/').pathname;
  } catch {
    return '';
  }
  const segment = pathname.split('/').filter(Boolean).at(-1) ?? '';
  try {
    return decodeURIComponent(segment).toLowerCase().replace(/\.html?$/, '');
  } catch {
    return segment.toLowerCase();
  }
}

/** The Folio post an old page's comments belong on: the first hint whose slug is a post's. */
export function matchPost(slugHints: string[], postSlugs: ReadonlySet<string>): string | undefined {
  return slugHints.map(lastPathSegment).find((slug) => postSlugs.has(slug));
}

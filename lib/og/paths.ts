/** Where a post's card is served (the `opengraph-image` route beside the post). */
export function postCardPath(slug: string): string {
  return `/blog/${slug}/opengraph-image`;
}

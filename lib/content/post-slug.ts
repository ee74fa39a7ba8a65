/** A post's file name without `.mdx`, which is also its URL: lower-case letters, digits and single hyphens. */
export const postSlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A title as a post slug, in ASCII ("Ça va, 2026!" → "ca-va-2026"); empty when no letter survives. */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

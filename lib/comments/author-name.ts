import unhomoglyph from 'unhomoglyph';
import siteConfig from '@/site.config';

/**
 * What a name looks like, whatever it is made of: compatibility forms folded (NFKC), look-alike
 * letters from any script mapped to one (Unicode's confusables, before and after lower-casing,
 * so that a capital I passes for an l), accents dropped, and only letters and digits kept, so
 * spaces, dots and invisible characters slipped in between change nothing.
 */
function toNameSkeleton(name: string): string {
  const lookAlike = unhomoglyph(unhomoglyph(name.normalize('NFKC')).toLowerCase());
  return lookAlike.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '');
}

const authorSkeleton = toNameSkeleton(siteConfig.author.name);

/** Whether a reader's name would pass for the blog author's, which only the signed-in blogger may use. */
export function isAuthorName(name: string): boolean {
  return authorSkeleton !== '' && toNameSkeleton(name) === authorSkeleton;
}

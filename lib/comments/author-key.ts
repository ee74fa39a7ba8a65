import { hashIdentity } from '@/lib/security/signing';

/**
 * Who a reader is, for moderation: their name with their email, or with their address's hash when
 * they give none. Reader keys hold a line break, so the keys below can never be a reader's.
 */
export function readerAuthorKey(name: string, email: string | null, ipHash: string): string {
  return hashIdentity('author', `${name.toLowerCase()}\n${email ? email.toLowerCase() : ipHash}`);
}

/** The signed-in blogger's comments. */
export const siteAuthorKey = () => hashIdentity('author', 'site author');

/** The stand-in kept for an imported comment that was deleted but has replies. */
export const deletedCommentAuthorKey = () => hashIdentity('author', 'deleted comment');

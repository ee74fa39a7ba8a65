/** `pending` waits in the moderation queue; only `approved` comments are shown to readers. */
export const commentStatuses = ['pending', 'approved', 'spam'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

/** What an outbox message is: one held comment for the blogger, the daily list of them, or a reader's opt-in and replies. */
export const mailKinds = ['moderation', 'digest', 'confirmation', 'reply'] as const;
export type MailKind = (typeof mailKinds)[number];

/** A reader's address is mailed only once `confirmed`; `unsubscribed` stops everything until they ask again. */
export const recipientStatuses = ['unconfirmed', 'confirmed', 'unsubscribed'] as const;
export type RecipientStatus = (typeof recipientStatuses)[number];

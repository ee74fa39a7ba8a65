import { and, asc, desc, eq, isNotNull, isNull, lt, lte, type SQL } from 'drizzle-orm';
import type * as pgSchema from '@/db/schema.pg';
import type * as sqliteSchema from '@/db/schema.sqlite';
import type { CommentStore, MailRecipient, NewOutboxMail, OutboxMail } from './comment-store';
import { requireStored } from './store-queries';

type Tables = typeof sqliteSchema | typeof pgSchema;
type Where = SQL | undefined;

/** As in store-queries.ts: the parts of drizzle the mail queries use, typed by the rows both engines share. */
interface OutboxTable<T extends Tables> {
  query: {
    mailOutbox: {
      findFirst(config: { columns: { createdAt: true }; where: Where; orderBy: SQL[] }): Promise<{ createdAt: Date } | undefined>;
      findMany(config: { where: Where; orderBy: SQL[]; limit: number }): Promise<OutboxMail[]>;
    };
  };
  insert(table: T['mailOutbox']): {
    values(mail: NewOutboxMail & { nextAttemptAt: Date }): { onConflictDoNothing(): { returning(): Promise<OutboxMail[]> } };
  };
  update(table: T['mailOutbox']): { set(change: Partial<OutboxMail>): { where(where: Where): { returning(): Promise<OutboxMail[]> } } };
}

interface UsedLinkTable<T extends Tables> {
  query: { usedMailLinks: { findFirst(config: { where: Where }): Promise<{ nonce: string } | undefined> } };
  insert(table: T['usedMailLinks']): {
    values(link: { nonce: string; usedAt: Date }): { onConflictDoNothing(): { returning(): Promise<{ nonce: string }[]> } };
  };
  delete(table: T['usedMailLinks']): { where(where: Where): PromiseLike<unknown> };
}

interface RecipientTable<T extends Tables> {
  query: { mailRecipients: { findFirst(config: { where: Where }): Promise<MailRecipient | undefined> } };
  insert(table: T['mailRecipients']): {
    values(recipient: MailRecipient): {
      onConflictDoUpdate(config: { target: T['mailRecipients']['address']; set: Omit<MailRecipient, 'address'> }): { returning(): Promise<MailRecipient[]> };
    };
  };
}

interface SubscriptionTable<T extends Tables> {
  query: { replySubscriptions: { findFirst(config: { where: Where }): Promise<{ address: string } | undefined> } };
  insert(table: T['replySubscriptions']): {
    values(subscription: { commentId: number; address: string }): {
      onConflictDoUpdate(config: { target: T['replySubscriptions']['commentId']; set: { address: string } }): PromiseLike<unknown>;
    };
  };
}

export type MailDatabase<T extends Tables> = OutboxTable<T> & UsedLinkTable<T> & RecipientTable<T> & SubscriptionTable<T>;

export type MailQueries = Pick<
  CommentStore,
  | 'queueMail'
  | 'listDueMail'
  | 'claimMail'
  | 'markMailSent'
  | 'markMailFailed'
  | 'listFailedMail'
  | 'latestMailAt'
  | 'useMailLink'
  | 'hasUsedMailLink'
  | 'getMailRecipient'
  | 'setMailRecipient'
  | 'subscribeToReplies'
  | 'getReplySubscription'
>;

/** The outbox, single-use links and reply subscriptions, the same on both engines. */
export function createMailQueries<T extends Tables>(db: MailDatabase<T>, { mailOutbox, usedMailLinks, mailRecipients, replySubscriptions }: T): MailQueries {
  const unsent = isNull(mailOutbox.sentAt);
  return {
    queueMail: async (mail) => (await db.insert(mailOutbox).values({ ...mail, nextAttemptAt: mail.createdAt }).onConflictDoNothing().returning()).length > 0,
    listDueMail: (now, maxAttempts, limit) =>
      db.query.mailOutbox.findMany({
        where: and(unsent, lte(mailOutbox.nextAttemptAt, now), lt(mailOutbox.attempts, maxAttempts)),
        orderBy: [asc(mailOutbox.id)],
        limit,
      }),
    async claimMail({ id, attempts }, now, leaseUntil) {
      // Compare-and-set on the attempt count: of two senders that listed the message, one update matches.
      const taken = await db
        .update(mailOutbox)
        .set({ attempts: attempts + 1, nextAttemptAt: leaseUntil })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.attempts, attempts), unsent, lte(mailOutbox.nextAttemptAt, now)))
        .returning();
      return taken[0];
    },
    async markMailSent(id, sentAt) {
      await db.update(mailOutbox).set({ sentAt, lastError: null }).where(eq(mailOutbox.id, id)).returning();
    },
    async markMailFailed(id, lastError, nextAttemptAt) {
      await db.update(mailOutbox).set({ lastError, nextAttemptAt }).where(eq(mailOutbox.id, id)).returning();
    },
    listFailedMail: (limit) =>
      db.query.mailOutbox.findMany({ where: and(unsent, isNotNull(mailOutbox.lastError)), orderBy: [desc(mailOutbox.id)], limit }),
    latestMailAt: async (kind) =>
      (await db.query.mailOutbox.findFirst({ columns: { createdAt: true }, where: eq(mailOutbox.kind, kind), orderBy: [desc(mailOutbox.createdAt)] }))?.createdAt,
    async useMailLink(nonce, usedAt, forgetBefore) {
      await db.delete(usedMailLinks).where(lt(usedMailLinks.usedAt, forgetBefore));
      return (await db.insert(usedMailLinks).values({ nonce, usedAt }).onConflictDoNothing().returning()).length > 0;
    },
    hasUsedMailLink: async (nonce) => (await db.query.usedMailLinks.findFirst({ where: eq(usedMailLinks.nonce, nonce) })) !== undefined,
    getMailRecipient: (address) => db.query.mailRecipients.findFirst({ where: eq(mailRecipients.address, address) }),
    setMailRecipient: async (address, status, updatedAt) =>
      requireStored(
        (
          await db
            .insert(mailRecipients)
            .values({ address, status, updatedAt })
            .onConflictDoUpdate({ target: mailRecipients.address, set: { status, updatedAt } })
            .returning()
        )[0],
        'mail recipient',
      ),
    async subscribeToReplies(commentId, address) {
      await db.insert(replySubscriptions).values({ commentId, address }).onConflictDoUpdate({ target: replySubscriptions.commentId, set: { address } });
    },
    getReplySubscription: async (commentId) =>
      (await db.query.replySubscriptions.findFirst({ where: eq(replySubscriptions.commentId, commentId) }))?.address,
  };
}

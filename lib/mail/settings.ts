import 'server-only';
import { z } from 'zod';
import siteConfig from '@/site.config';

export interface MailSettings {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  smtpUrl: string;
  from: string;
  /** Where held comments are announced; without it the blogger gets no mail. */
  adminEmail: string | undefined;
  /** `daily`: one list of the held comments a day instead of a message per comment. */
  adminDigest: 'off' | 'daily';
}

const settingsSchema = z.object({
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must start with smtp:// or smtps://' }),
  FOLIO_MAIL_FROM: z.string().trim().min(3).optional(),
  FOLIO_ADMIN_EMAIL: z.email('FOLIO_ADMIN_EMAIL must be an e-mail address').optional(),
  FOLIO_ADMIN_DIGEST: z.enum(['off', 'daily']).default('off'),
});

/**
 * Whether Folio sends mail. Post pages are prerendered, so the comment form offers replies by e-mail
 * when SMTP_URL is set at build time as well as at run time.
 */
export function isMailConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.SMTP_URL);
}

/** The mail settings, or undefined when SMTP_URL is unset: then Folio sends nothing. A malformed setting throws, naming it. */
export function getMailSettings(env: Record<string, string | undefined> = process.env): MailSettings | undefined {
  if (!isMailConfigured(env)) return undefined;
  const parsed = settingsSchema.safeParse({
    SMTP_URL: env.SMTP_URL,
    FOLIO_MAIL_FROM: env.FOLIO_MAIL_FROM || undefined,
    FOLIO_ADMIN_EMAIL: env.FOLIO_ADMIN_EMAIL || undefined,
    FOLIO_ADMIN_DIGEST: env.FOLIO_ADMIN_DIGEST || undefined,
  });
  if (!parsed.success) throw new Error(`Mail is misconfigured: ${z.prettifyError(parsed.error)}`);
  const { SMTP_URL, FOLIO_MAIL_FROM, FOLIO_ADMIN_EMAIL, FOLIO_ADMIN_DIGEST } = parsed.data;
  return {
    smtpUrl: SMTP_URL,
    from: FOLIO_MAIL_FROM ?? `"${siteConfig.title.replace(/["\\]/g, '')}" <no-reply@${new URL(siteConfig.url).hostname}>`,
    adminEmail: FOLIO_ADMIN_EMAIL,
    adminDigest: FOLIO_ADMIN_DIGEST,
  };
}

/** The settings, or what is wrong with them, for callers that must carry on without mail. */
export function tryMailSettings(env: Record<string, string | undefined> = process.env): MailSettings | Error | undefined {
  try {
    return getMailSettings(env);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

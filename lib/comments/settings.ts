import 'server-only';
import { z } from 'zod';
import siteConfig from '@/site.config';

const envNumber = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

const settingsSchema = z.object({
  FOLIO_COMMENT_MIN_SECONDS: envNumber(siteConfig.comments.minSecondsToSubmit),
  FOLIO_COMMENT_RATE_LIMIT: envNumber(siteConfig.comments.rateLimit.comments),
  FOLIO_COMMENT_RATE_MINUTES: envNumber(siteConfig.comments.rateLimit.minutes),
});

export interface CommentSettings {
  moderation: typeof siteConfig.comments.moderation;
  minSecondsToSubmit: number;
  rateLimit: { comments: number; minutes: number };
  editMinutes: number;
}

/** site.config.ts, with environment overrides for what deployments and tests tune. */
export function getCommentSettings(env: Record<string, string | undefined> = process.env): CommentSettings {
  const parsed = settingsSchema.parse({
    FOLIO_COMMENT_MIN_SECONDS: env.FOLIO_COMMENT_MIN_SECONDS || undefined,
    FOLIO_COMMENT_RATE_LIMIT: env.FOLIO_COMMENT_RATE_LIMIT || undefined,
    FOLIO_COMMENT_RATE_MINUTES: env.FOLIO_COMMENT_RATE_MINUTES || undefined,
  });
  return {
    moderation: siteConfig.comments.moderation,
    minSecondsToSubmit: parsed.FOLIO_COMMENT_MIN_SECONDS,
    rateLimit: { comments: parsed.FOLIO_COMMENT_RATE_LIMIT, minutes: parsed.FOLIO_COMMENT_RATE_MINUTES },
    editMinutes: siteConfig.comments.editMinutes,
  };
}

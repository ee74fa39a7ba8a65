export type RateLimitResult = { limited: false } | { limited: true; retryInMinutes: number };

/**
 * Given when a client's recent attempts happened (oldest first, all inside the window that
 * starts at `windowStart`), whether one more is allowed, and if not how long until it is.
 */
export function checkRateLimit(attempts: Date[], limit: number, windowStart: Date): RateLimitResult {
  const oldest = attempts[0];
  if (!oldest || attempts.length < limit) return { limited: false };
  return { limited: true, retryInMinutes: Math.max(1, Math.ceil((oldest.getTime() - windowStart.getTime()) / 60_000)) };
}

export function formatRetryMessage(what: string, minutes: number): string {
  return `Too many ${what} — please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/**
 * When the outbox tries a mail again after `attempts` failed tries: 30 s, 1 min, 2 min, …
 * doubling up to one hour, and then hourly for as long as it takes (a mail is never dropped:
 * an SMTP server that is down for a day delivers the day's mail when it is back).
 */
export const BACKOFF_FIRST_MS = 30_000;
export const BACKOFF_MAX_MS = 60 * 60_000;

export function retryDelayMs(attempts: number): number {
  if (attempts < 1) return 0;
  return Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempts - 1, 20));
}

import type { WindowRule } from "@/lib/rate-limit";

/**
 * Sign-in throttling rules, pure (server/auth/throttle.ts applies them, counting in RateWindow):
 *
 * - per account and client (network address): at most PER_CLIENT.max attempts that did not
 *   succeed in a window, then that client is refused without looking at the password until
 *   the window ends. A stranger guessing from one address exhausts only their own count: the
 *   member, from another address, signs in as usual.
 * - per account, from all clients: the first ACCOUNT_FREE unsuccessful checks of a window are
 *   made at once; after them the account slows down instead of locking: one check at a time,
 *   spaced by a delay that doubles up to SLOW_DOWN_CAP_MS. Guessing from many addresses gets a
 *   few dozen checks per window; the member waits at most about a minute, and the emailed
 *   sign-in link is never throttled.
 * - at ALERT_AT unsuccessful checks in a window, the member is told (an email when mail is
 *   configured, and a notification), once per window.
 */
export const WINDOW_MS = 15 * 60_000;
export const PER_CLIENT: WindowRule = { max: 10, windowMs: WINDOW_MS };
export const ACCOUNT_FREE = 30;
export const SLOW_DOWN_CAP_MS = 60_000;
export const ALERT_AT = 10;

/** The spacing before the check after `checks` unsuccessful ones of the window (beyond ACCOUNT_FREE). */
export function slowDownMs(checks: number): number {
  const beyond = Math.max(0, checks - ACCOUNT_FREE);
  return Math.min(SLOW_DOWN_CAP_MS, 1000 * 2 ** Math.min(beyond, 16));
}

export type AttemptVerdict = { check: true } | { check: false; retryAfterMs: number };

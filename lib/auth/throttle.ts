/**
 * Sign-in throttling rule, pure: at most MAX_ATTEMPTS attempts per email that did not succeed
 * are checked within a window of WINDOW_MS from the first; the others are refused without
 * looking at the password until the window ends. The count lives in the database
 * (SignInThrottle, server/auth/throttle.ts), so every app instance shares it.
 */
export const MAX_ATTEMPTS = 10;
export const WINDOW_MS = 15 * 60_000;

export type AttemptVerdict = { check: true } | { check: false; retryAfterMs: number };

/** Whether the attempt counted as number `count` of the window begun at `windowStart` may be checked. */
export function attemptVerdict(count: number, windowStart: Date, now: Date): AttemptVerdict {
  if (count <= MAX_ATTEMPTS) return { check: true };
  return { check: false, retryAfterMs: Math.max(0, windowStart.getTime() + WINDOW_MS - now.getTime()) };
}

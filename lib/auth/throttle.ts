/**
 * Sign-in throttling rule, pure: after MAX_FAILURES failed sign-ins for one email within
 * WINDOW_MS, further attempts are refused for LOCK_MS. The state lives in the database
 * (SignInThrottle) so that every app instance shares it.
 */
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export type ThrottleState = { failures: number; windowStart: Date; lockedUntil: Date | null };

export function lockedFor(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStart.getTime() > WINDOW_MS || lockedFor(state, now) === 0 && !!state.lockedUntil;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStart = fresh ? now : state.windowStart;
  return {
    failures,
    windowStart,
    lockedUntil: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null,
  };
}

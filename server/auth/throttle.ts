import "server-only";
import { ACCOUNT_FREE, ALERT_AT, PER_CLIENT, slowDownMs, WINDOW_MS, type AttemptVerdict } from "@/lib/auth/throttle";
import { windowVerdict } from "@/lib/rate-limit";
import { claimSlot, countHit, giveBack, markAlerted } from "@/server/site/rate-limit";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const clientKey = (email: string, client: string) => `signin:${normalizeEmail(email)}|${client}`;
const accountKey = (email: string) => `signin:${normalizeEmail(email)}`;

/**
 * Counts one sign-in attempt for the email from this client (its network address, see
 * server/http/client-address.ts), before the password is checked, and says whether it may be
 * checked (the rules: lib/auth/throttle.ts). Every count is one atomic statement shared by
 * every instance, so however many guesses arrive at once, no more are checked than the rules
 * allow. After the check, call `settleSignInAttempt` with its outcome.
 */
export async function countSignInAttempt(email: string, client: string, now = new Date()): Promise<AttemptVerdict> {
  const own = await countHit(clientKey(email, client), PER_CLIENT.windowMs, now);
  const ownVerdict = windowVerdict(PER_CLIENT, own.count, own.windowStart, now);
  if (!ownVerdict.ok) return { check: false, retryAfterMs: ownVerdict.retryAfterMs };

  // The account's count holds the checks of the window that did not succeed (and those under way).
  const key = accountKey(email);
  const account = await countHit(key, WINDOW_MS, now);
  if (account.count <= ACCOUNT_FREE) return { check: true };
  const delay = slowDownMs(account.count - 1);
  if (await claimSlot(key, new Date(now.getTime() + delay), now)) return { check: true };
  // Another attempt holds the slot: this one is not checked, so it does not count.
  await giveBack(key);
  const next = account.nextAt && account.nextAt > now ? account.nextAt.getTime() - now.getTime() : delay;
  return { check: false, retryAfterMs: next };
}

/**
 * After a checked attempt: a success gives both counts back (only failures add up); the
 * failure that reaches ALERT_AT in a window returns true, once per window, for the caller to
 * tell the member.
 */
export async function settleSignInAttempt(email: string, client: string, ok: boolean, now = new Date()): Promise<{ alert: boolean }> {
  if (ok) {
    await Promise.all([giveBack(clientKey(email, client)), giveBack(accountKey(email))]);
    return { alert: false };
  }
  // The failure stays in the account's count; the one that finds it at ALERT_AT or more marks it.
  return { alert: await markAlerted(accountKey(email), ALERT_AT, now) };
}

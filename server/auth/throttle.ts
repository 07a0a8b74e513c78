import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import { execute, queryRows } from "@/server/db/direct";
import { timestamp } from "@/server/db/sql";
import { attemptVerdict, WINDOW_MS, type AttemptVerdict } from "@/lib/auth/throttle";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Counts one sign-in attempt for the email, before its password is checked, and says whether
 * it may be checked. One atomic statement (an upsert returning the new count) on both
 * databases, shared by every instance: however many guesses arrive at once, at most
 * MAX_ATTEMPTS per window are ever checked. A successful sign-in gives its attempt back
 * (`refundSignInAttempt`), so only failures add up.
 */
export async function countSignInAttempt(email: string, now = new Date()): Promise<AttemptVerdict> {
  const key = normalizeEmail(email);
  const fresh = timestamp(new Date(now.getTime() - WINDOW_MS));
  const rows = await queryRows<{ failures: number | bigint; windowStart: Date | string }>(Prisma.sql`
    INSERT INTO "SignInThrottle" ("email", "failures", "windowStart") VALUES (${key}, 1, ${timestamp(now)})
    ON CONFLICT ("email") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" <= ${fresh} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" <= ${fresh} THEN ${timestamp(now)} ELSE "SignInThrottle"."windowStart" END
    RETURNING "failures", "windowStart"`);
  const row = rows[0]!;
  return attemptVerdict(Number(row.failures), new Date(row.windowStart), now);
}

/** A sign-in that succeeded: its attempt does not count against the email. */
export async function refundSignInAttempt(email: string): Promise<void> {
  await execute(Prisma.sql`UPDATE "SignInThrottle" SET "failures" = "failures" - 1 WHERE "email" = ${normalizeEmail(email)} AND "failures" > 0`);
}

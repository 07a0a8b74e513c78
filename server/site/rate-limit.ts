import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import { execute, queryRows } from "@/server/db/direct";
import { timestamp } from "@/server/db/sql";
import { AppError } from "@/lib/errors";
import { retryAfterSeconds, windowVerdict, WRITE_LIMITS, type WriteKind } from "@/lib/rate-limit";

/**
 * Fixed-window counters in the database (RateWindow), shared by every instance. Each change is
 * one atomic statement on both engines (an upsert returning the new count, or a compare-and-set
 * update), so parallel requests can neither lose a count nor all pass together.
 */

export type WindowRow = { count: number; windowStart: Date; nextAt: Date | null; alertedAt: Date | null };
type RawRow = { count: number | bigint; windowStart: Date | string; nextAt: Date | string | null; alertedAt: Date | string | null };

const date = (v: Date | string) => new Date(v);

/** Counts one hit for the key in its current window (a new window once the last is `windowMs` old). */
export async function countHit(key: string, windowMs: number, now = new Date()): Promise<WindowRow> {
  const stale = Prisma.sql`"RateWindow"."windowStart" <= ${timestamp(new Date(now.getTime() - windowMs))}`;
  const rows = await queryRows<RawRow>(Prisma.sql`
    INSERT INTO "RateWindow" ("key", "count", "windowStart") VALUES (${key}, 1, ${timestamp(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN ${stale} THEN 1 ELSE "RateWindow"."count" + 1 END,
      "nextAt" = CASE WHEN ${stale} THEN NULL ELSE "RateWindow"."nextAt" END,
      "windowStart" = CASE WHEN ${stale} THEN ${timestamp(now)} ELSE "RateWindow"."windowStart" END
    RETURNING "count", "windowStart", "nextAt", "alertedAt"`);
  const row = rows[0]!;
  return {
    count: Number(row.count),
    windowStart: date(row.windowStart),
    nextAt: row.nextAt === null ? null : date(row.nextAt),
    alertedAt: row.alertedAt === null ? null : date(row.alertedAt),
  };
}

/** The longest window of any limit; a row whose window began before this is over and can go. */
const LONGEST_WINDOW_MS = 60 * 60_000;

/** Deletes the counters whose window is over (they would start afresh anyway); the number deleted. */
export async function pruneRateWindows(now = new Date()): Promise<number> {
  return execute(Prisma.sql`DELETE FROM "RateWindow" WHERE "windowStart" < ${timestamp(new Date(now.getTime() - LONGEST_WINDOW_MS))}
    AND ("nextAt" IS NULL OR "nextAt" < ${timestamp(now)})`);
}

/** Gives one hit back (a sign-in that succeeded, a check that was not made). */
export async function giveBack(key: string): Promise<void> {
  await execute(Prisma.sql`UPDATE "RateWindow" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0`);
}

/** Takes the key's next slot when it is free (nextAt passed), moving it to `until`; false when another took it. */
export async function claimSlot(key: string, until: Date, now = new Date()): Promise<boolean> {
  const changed = await execute(Prisma.sql`
    UPDATE "RateWindow" SET "nextAt" = ${timestamp(until)}
    WHERE "key" = ${key} AND ("nextAt" IS NULL OR "nextAt" <= ${timestamp(now)})`);
  return changed === 1;
}

/**
 * Marks the key alerted for its current window once its count reached `atLeast`; true only for
 * the one caller that marked it.
 */
export async function markAlerted(key: string, atLeast: number, now = new Date()): Promise<boolean> {
  const changed = await execute(Prisma.sql`
    UPDATE "RateWindow" SET "alertedAt" = ${timestamp(now)}
    WHERE "key" = ${key} AND "count" >= ${atLeast} AND ("alertedAt" IS NULL OR "alertedAt" < "windowStart")`);
  return changed === 1;
}

/**
 * Counts one write of this kind by the member and refuses it (429 rate_limited, with
 * `retryAfterSeconds` for the Retry-After header) beyond the kind's limit. Call after the
 * input is validated and the member authorized, before writing.
 */
export async function requireWithinLimit(kind: WriteKind, userId: string, now = new Date()): Promise<void> {
  const rule = WRITE_LIMITS[kind];
  const row = await countHit(`write:${kind}:${userId}`, rule.windowMs, now);
  const verdict = windowVerdict(rule, row.count, row.windowStart, now);
  if (verdict.ok) return;
  const seconds = retryAfterSeconds(verdict.retryAfterMs);
  throw new AppError("rate_limited", `Too many ${kind}s in a short time: try again in ${seconds} s.`, {
    retryAfterSeconds: seconds,
    limit: rule.max,
    windowSeconds: rule.windowMs / 1000,
  });
}

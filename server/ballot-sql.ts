import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/server/db/client";
import { jsonValue, timestamp } from "@/server/db/sql";

/**
 * The SQL of the ballot write path, the hottest write of the site. Raw statements because a
 * Prisma model query costs several times a raw one here (query planning in the client engine),
 * and because an upsert with `ON CONFLICT ... DO UPDATE` and `INSERT ... SELECT` are single
 * atomic statements on both databases. Only casts differ: PostgreSQL needs typed JSON and
 * timestamps, SQLite stores both as text (in the format Prisma's adapter writes: ISO 8601).
 */

/** A collision-free id in the spirit of Prisma's cuid(): "c", time, randomness. */
function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(9).toString("base64url")}`;
}

export type TermForBallot = { id: string; stage: string; deadline: Date | null; openRenderings: Set<string> };

/** The term and its active renderings, in one query. */
export async function termForBallot(slug: string): Promise<TermForBallot | null> {
  const rows = await db().$queryRaw<{ termId: string; stage: string; deadline: Date | string | null; renderingId: string | null }[]>`
    SELECT t."id" AS "termId", t."stage" AS "stage", t."deadline" AS "deadline", r."id" AS "renderingId"
    FROM "Term" t LEFT JOIN "Rendering" r ON r."termId" = t."id" AND r."status" = 'active'
    WHERE t."slug" = ${slug}`;
  const first = rows[0];
  if (!first) return null;
  return {
    id: first.termId,
    stage: String(first.stage),
    deadline: first.deadline === null ? null : new Date(first.deadline),
    openRenderings: new Set(rows.flatMap((r) => (r.renderingId ? [r.renderingId] : []))),
  };
}

export type BallotRow = {
  termId: string;
  userId: string;
  delegationId: string;
  grades: Record<string, string>;
  reasons: Record<string, string>;
  note: string;
  at: Date;
};

/**
 * The statements of one save, for one batch transaction, in this order:
 * 1. bump the term's tally version while it is in consultation; this takes the term's row
 *    lock first, as stage moves and rendering changes do, so writers of a term queue in one
 *    order (no deadlocks) and none of them can close the stage under a save;
 * 2. upsert the ballot (revision + 1; last write wins; one row per scholar and term), returning
 *    its revision; nothing when the term is not in consultation;
 * 3. append the ballot event by copying the row as it now stands inside this transaction, so
 *    the event's revision and content are the ballot's, whatever other writers do.
 * Each statement checks the stage itself, so on a closed term all three write nothing and the
 * upsert returns no row.
 */
export function saveBallotStatements(b: BallotRow) {
  return [
    db().$executeRaw`
      UPDATE "Term" SET "tallyVersion" = "tallyVersion" + 1
      WHERE "id" = ${b.termId} AND "stage" = 'consultation'`,
    db().$queryRaw<{ revision: number | bigint }[]>`
      INSERT INTO "Ballot" ("id", "termId", "userId", "delegationId", "grades", "reasons", "note", "revision", "createdAt", "updatedAt")
      SELECT ${newId()}, "id", ${b.userId}, ${b.delegationId}, ${jsonValue(b.grades)}, ${jsonValue(b.reasons)}, ${b.note}, 1,
        ${timestamp(b.at)}, ${timestamp(b.at)}
      FROM "Term" WHERE "id" = ${b.termId} AND "stage" = 'consultation'
      ON CONFLICT ("termId", "userId") DO UPDATE SET
        "grades" = excluded."grades", "reasons" = excluded."reasons", "note" = excluded."note",
        "delegationId" = excluded."delegationId", "revision" = "Ballot"."revision" + 1, "updatedAt" = excluded."updatedAt"
      RETURNING "revision"`,
    db().$executeRaw`
      INSERT INTO "BallotEvent" ("ballotId", "termId", "userId", "revision", "grades", "reasons", "note", "cause", "createdAt")
      SELECT b."id", b."termId", b."userId", b."revision", b."grades", b."reasons", b."note", 'vote', b."updatedAt"
      FROM "Ballot" b JOIN "Term" t ON t."id" = b."termId" AND t."stage" = 'consultation'
      WHERE b."termId" = ${b.termId} AND b."userId" = ${b.userId}`,
  ] as const;
}

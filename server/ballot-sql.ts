import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/server/db/client";
import { jsonValue, onPostgres, timestamp } from "@/server/db/sql";
import { NOTIFY_CHANNEL } from "@/server/live/publish";
import { directSqlite, queryRows } from "@/server/db/direct";
import { Prisma } from "@/generated/sqlite/client";

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

/**
 * `renderingsVersion` is the term's as read with its renderings: a save is made only while the
 * term still has it (see saveBallot), so grades checked against these renderings are never
 * stored after a merge, hide or withdrawal has changed them.
 */
export type TermForBallot = { id: string; stage: string; deadline: Date | null; renderingsVersion: number; openRenderings: Set<string> };

type TermRow = {
  termId: string;
  stage: string;
  deadline: Date | string | null;
  renderingsVersion: number | bigint;
  renderingId: string | null;
};

/** The term and its active renderings, in one query. */
export async function termForBallot(slug: string): Promise<TermForBallot | null> {
  const query = Prisma.sql`
    SELECT t."id" AS "termId", t."stage" AS "stage", t."deadline" AS "deadline", t."renderingsVersion" AS "renderingsVersion",
      r."id" AS "renderingId"
    FROM "Term" t LEFT JOIN "Rendering" r ON r."termId" = t."id" AND r."status" = 'active'
    WHERE t."slug" = ${slug}`;
  const rows = await queryRows<TermRow>(query);
  const first = rows[0];
  if (!first) return null;
  return {
    id: first.termId,
    stage: String(first.stage),
    deadline: first.deadline === null ? null : new Date(first.deadline),
    renderingsVersion: Number(first.renderingsVersion),
    openRenderings: new Set(rows.flatMap((r) => (r.renderingId ? [r.renderingId] : []))),
  };
}

export type BallotRow = {
  termId: string;
  /** The term's renderingsVersion the grades were checked against. */
  renderingsVersion: number;
  userId: string;
  delegationId: string;
  grades: Record<string, string>;
  reasons: Record<string, string>;
  note: string;
  at: Date;
};

/**
 * Saves one ballot, atomically, and returns its new revision; `null` when the term is not in
 * consultation or its renderings changed since `b.renderingsVersion` was read (then nothing at
 * all was written: read the term again and check the grades again). In this order:
 * 1. bump the term's tally version while it is in consultation with the renderings the grades
 *    were checked against; this takes the term's row lock first, as stage moves and rendering
 *    changes do, so writers of a term queue in one order (no deadlocks) and none of them can
 *    close the stage or merge a rendering under a save. On PostgreSQL a save that waited for
 *    the lock checks its WHERE again on the row as the other writer left it, so a merge that
 *    committed first (and moved renderingsVersion) makes it write nothing;
 * 2. upsert the ballot (revision + 1; last write wins; one row per scholar and term), returning
 *    its revision; nothing when the term is not in consultation;
 * 3. append the ballot event with the ballot's row as this save left it, so the event's
 *    revision and content are the ballot's, whatever other writers do;
 * 4. append the live event (`TermEvent`, decision 011; the payload names no one), and on
 *    PostgreSQL `pg_notify`, which leaves at commit.
 * Steps 2-4 depend on the step before having written a row, so on a closed term none of them
 * writes anything.
 *
 * PostgreSQL: one statement (data-modifying CTEs), so one round trip and an implicit
 * transaction: the term's row lock is held for the statement and its commit only, instead of
 * for five round trips (the lock is what serializes every save of a term).
 * SQLite: one transaction of four statements, each checking the stage itself; run synchronously
 * on the connection (server/db/direct.ts), or as a Prisma batch transaction when a Prisma
 * transaction holds the connection.
 */
export async function saveBallot(b: BallotRow): Promise<number | null> {
  if (onPostgres()) {
    const rows = await queryRows<{ revision: number | bigint }>(Prisma.sql`
      WITH t AS (
        UPDATE "Term" SET "tallyVersion" = "tallyVersion" + 1
        WHERE "id" = ${b.termId} AND "stage" = 'consultation' AND "renderingsVersion" = ${b.renderingsVersion}
        RETURNING "id"
      ), b AS (
        INSERT INTO "Ballot" ("id", "termId", "userId", "delegationId", "grades", "reasons", "note", "revision", "createdAt", "updatedAt")
        SELECT ${newId()}, t."id", ${b.userId}, ${b.delegationId}, ${jsonValue(b.grades)}, ${jsonValue(b.reasons)}, ${b.note}, 1,
          ${timestamp(b.at)}, ${timestamp(b.at)}
        FROM t
        ON CONFLICT ("termId", "userId") DO UPDATE SET
          "grades" = excluded."grades", "reasons" = excluded."reasons", "note" = excluded."note",
          "delegationId" = excluded."delegationId", "revision" = "Ballot"."revision" + 1, "updatedAt" = excluded."updatedAt"
        RETURNING "id", "termId", "userId", "revision", "grades", "reasons", "note", "updatedAt"
      ), be AS (
        INSERT INTO "BallotEvent" ("ballotId", "termId", "userId", "revision", "grades", "reasons", "note", "cause", "createdAt")
        SELECT b."id", b."termId", b."userId", b."revision", b."grades", b."reasons", b."note", 'vote', b."updatedAt" FROM b
      ), te AS (
        INSERT INTO "TermEvent" ("termId", "type", "payload", "createdAt")
        SELECT b."termId", 'ballot', CAST('{}' AS jsonb), ${timestamp(b.at)} FROM b
      )
      SELECT b."revision", CAST(pg_notify(${NOTIFY_CHANNEL}, b."termId") AS text) AS "notified" FROM b`);
    const revision = rows[0]?.revision;
    return revision === undefined ? null : Number(revision);
  }
  const [bump, upsert, ballotEvent, termEvent] = [
    Prisma.sql`
      UPDATE "Term" SET "tallyVersion" = "tallyVersion" + 1
      WHERE "id" = ${b.termId} AND "stage" = 'consultation' AND "renderingsVersion" = ${b.renderingsVersion}`,
    Prisma.sql`
      INSERT INTO "Ballot" ("id", "termId", "userId", "delegationId", "grades", "reasons", "note", "revision", "createdAt", "updatedAt")
      SELECT ${newId()}, "id", ${b.userId}, ${b.delegationId}, ${jsonValue(b.grades)}, ${jsonValue(b.reasons)}, ${b.note}, 1,
        ${timestamp(b.at)}, ${timestamp(b.at)}
      FROM "Term" WHERE "id" = ${b.termId} AND "stage" = 'consultation' AND "renderingsVersion" = ${b.renderingsVersion}
      ON CONFLICT ("termId", "userId") DO UPDATE SET
        "grades" = excluded."grades", "reasons" = excluded."reasons", "note" = excluded."note",
        "delegationId" = excluded."delegationId", "revision" = "Ballot"."revision" + 1, "updatedAt" = excluded."updatedAt"
      RETURNING "revision"`,
    Prisma.sql`
      INSERT INTO "BallotEvent" ("ballotId", "termId", "userId", "revision", "grades", "reasons", "note", "cause", "createdAt")
      SELECT b."id", b."termId", b."userId", b."revision", b."grades", b."reasons", b."note", 'vote', b."updatedAt"
      FROM "Ballot" b JOIN "Term" t ON t."id" = b."termId" AND t."stage" = 'consultation' AND t."renderingsVersion" = ${b.renderingsVersion}
      WHERE b."termId" = ${b.termId} AND b."userId" = ${b.userId}`,
    Prisma.sql`
      INSERT INTO "TermEvent" ("termId", "type", "payload", "createdAt")
      SELECT "id", 'ballot', '{}', ${timestamp(b.at)} FROM "Term" WHERE "id" = ${b.termId} AND "stage" = 'consultation' AND "renderingsVersion" = ${b.renderingsVersion}`,
  ];
  type Saved = { revision: number | bigint }[];
  // Synchronously on the connection when no Prisma transaction holds it (server/db/direct.ts).
  const direct = directSqlite();
  const saved = direct
    ? direct.transaction(() => {
        direct.run(bump);
        const rows = direct.all<{ revision: number }>(upsert);
        direct.run(ballotEvent);
        direct.run(termEvent);
        return rows;
      })
    : (await db().$transaction([db().$executeRaw(bump), db().$queryRaw<Saved>(upsert), db().$executeRaw(ballotEvent), db().$executeRaw(termEvent)]))[1];
  const revision = saved[0]?.revision;
  return revision === undefined ? null : Number(revision);
}

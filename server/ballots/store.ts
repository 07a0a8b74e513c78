import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/server/db/client";
import { jsonValue, onPostgres, storedDate, timestamp } from "@/server/db/sql";
import { INSERT_TERM_EVENT, NOTIFY_CHANNEL } from "@/server/live/publish";
import { queryRows, type DirectSqlite } from "@/server/db/direct";
import { groupCommit } from "@/server/db/group-commit";
import { processWide } from "@/server/process-wide";
import { Prisma } from "@/generated/sqlite/client";
import { layoutOf, type StoredCell } from "@/server/results/cells";
import { addCounts, packedKey, parseCounts } from "@/lib/tally/packing";

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
 * stored after a merge, hide or withdrawal has changed them. `ballot`: the voter's ballot as
 * stored, for the tally delta of the save (null before their first).
 */
export type TermForBallot = {
  id: string;
  stage: string;
  deadline: Date | null;
  renderingsVersion: number;
  /** The renderingsVersion the maintained tally was built for (stale when it differs). */
  tallyCellsOf: number;
  /** The maintained tally's slots (Term.tallyLayout), valid with renderingsVersion. */
  tallyLayout: string[];
  openRenderings: Set<string>;
  ballot: { revision: number; delegationId: string; grades: unknown; reasons: unknown } | null;
};

type TermRow = {
  termId: string;
  stage: string;
  deadline: Date | string | null;
  renderingsVersion: number | bigint;
  tallyCellsOf: number | bigint;
  tallyLayout: string;
  renderingIds: string | null;
  revision: number | bigint | null;
  delegationId: string | null;
  grades: unknown;
  reasons: unknown;
};

/** The term, its active renderings and the voter's ballot, in one query: the one read of a save. */
export async function termForBallot(slug: string, userId: string): Promise<TermForBallot | null> {
  // Rendering ids are cuids (no commas), joined into one column by each engine's aggregate.
  const ids = onPostgres() ? Prisma.sql`string_agg(r."id", ',')` : Prisma.sql`group_concat(r."id", ',')`;
  const rows = await queryRows<TermRow>(Prisma.sql`
    SELECT t."id" AS "termId", t."stage" AS "stage", t."deadline" AS "deadline", t."renderingsVersion" AS "renderingsVersion",
      t."tallyCellsOf" AS "tallyCellsOf", t."tallyLayout" AS "tallyLayout",
      (SELECT ${ids} FROM "Rendering" r WHERE r."termId" = t."id" AND r."status" = 'active') AS "renderingIds",
      b."revision" AS "revision", b."delegationId" AS "delegationId", b."grades" AS "grades", b."reasons" AS "reasons"
    FROM "Term" t LEFT JOIN "Ballot" b ON b."termId" = t."id" AND b."userId" = ${userId}
    WHERE t."slug" = ${slug}`,
    { prepared: true },
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.termId,
    stage: String(row.stage),
    deadline: row.deadline === null ? null : storedDate(row.deadline),
    renderingsVersion: Number(row.renderingsVersion),
    tallyCellsOf: Number(row.tallyCellsOf),
    tallyLayout: layoutOf(row.tallyLayout),
    openRenderings: new Set(row.renderingIds ? row.renderingIds.split(",") : []),
    ballot:
      row.revision === null || row.delegationId === null
        ? null
        : { revision: Number(row.revision), delegationId: row.delegationId, grades: row.grades, reasons: row.reasons },
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
  /** The revision of the voter's ballot the delta was computed from (0: none yet). */
  expectedRevision: number;
  /** What this save adds to the term's maintained tally (lib/tally/cells.ts ballotDelta). */
  cells: StoredCell[];
};

/**
 * Saves one ballot, atomically, and returns its new revision; `null` when nothing at all was
 * written, because the term is not in consultation, its renderings (or its maintained tally)
 * changed since `b.renderingsVersion` was read, or the voter's ballot is no longer at
 * `b.expectedRevision` (another save of theirs landed first): then read again and retry.
 * In this order:
 * 1. lock the term's row while it is in consultation with the renderings the grades were
 *    checked against and a current maintained tally; stage moves and rendering changes take
 *    the same lock first, so writers of a term queue in one order (no deadlocks) and none of
 *    them can close the stage or merge a rendering under a save. On PostgreSQL a save that
 *    waited for the lock checks its WHERE again on the row as the other writer left it;
 * 2. upsert the ballot (revision + 1; one row per scholar and term) only if it is still at the
 *    expected revision, so the tally delta computed from that revision is the right one;
 * 3. append the ballot event with the ballot's row as this save left it;
 * 4. add the delta to the term's tally cells, and bump its tally version;
 * 5. append the live event (`TermEvent`, decision 011; the payload names no one and carries
 *    the new tally version, so open pages fetch the shared results of it), and on
 *    PostgreSQL `pg_notify`, which leaves at commit.
 * Steps 3-5 depend on step 2 having written a row.
 *
 * PostgreSQL: one statement (data-modifying CTEs), so one round trip and an implicit
 * transaction: the term's row lock is held for the statement and its commit only.
 * SQLite: one transaction, run synchronously on the connection (server/db/direct.ts) once no
 * Prisma transaction holds it, shared with the other saves of the same turn of the event loop
 * (group commit, `sqliteSaves` below).
 */
export async function saveBallot(b: BallotRow): Promise<number | null> {
  return onPostgres() ? saveOnPostgres(b) : saveOnSqlite(b);
}

async function saveOnPostgres(b: BallotRow): Promise<number | null> {
  // Always present (an empty list adds nothing), so the statement's text is the same for every
  // save. Single counts add to `n`; packed ones (lib/tally/packing.ts) entry by entry, the
  // shorter array padded with zeros.
  const cells = Prisma.sql`, c AS (
      INSERT INTO "TallyCell" ("termId", "kind", "delegation", "a", "b", "text", "n", "counts")
      SELECT b."termId", v ->> 0, v ->> 1, v ->> 2, v ->> 3, v ->> 4, CAST(v ->> 5 AS integer), v ->> 6
      FROM b CROSS JOIN jsonb_array_elements(CAST(${cellsJson(b.cells)} AS jsonb)) AS v
      ON CONFLICT ("termId", "kind", "delegation", "a", "b") DO UPDATE SET
        "n" = "TallyCell"."n" + excluded."n",
        "counts" = CASE WHEN excluded."counts" = '' THEN "TallyCell"."counts" ELSE '[' || array_to_string(ARRAY(
          SELECT COALESCE(u.o, 0) + COALESCE(u.d, 0)
          FROM unnest(
            CAST(string_to_array(trim(both '[]' from "TallyCell"."counts"), ',') AS integer[]),
            CAST(string_to_array(trim(both '[]' from excluded."counts"), ',') AS integer[])
          ) WITH ORDINALITY AS u(o, d, i) ORDER BY u.i), ',') || ']' END
    )`;
  const rows = await queryRows<{ revision: number | bigint }>(Prisma.sql`
    WITH t AS (
      SELECT "id" FROM "Term"
      WHERE "id" = ${b.termId} AND "stage" = 'consultation' AND "renderingsVersion" = ${b.renderingsVersion}
        AND "tallyCellsOf" = ${b.renderingsVersion}
      FOR UPDATE
    ), b AS (
      INSERT INTO "Ballot" ("id", "termId", "userId", "delegationId", "grades", "reasons", "note", "revision", "createdAt", "updatedAt")
      SELECT ${newId()}, t."id", ${b.userId}, ${b.delegationId}, ${jsonValue(b.grades)}, ${jsonValue(b.reasons)}, ${b.note}, 1,
        ${timestamp(b.at)}, ${timestamp(b.at)}
      FROM t
      ON CONFLICT ("termId", "userId") DO UPDATE SET
        "grades" = excluded."grades", "reasons" = excluded."reasons", "note" = excluded."note",
        "delegationId" = excluded."delegationId", "revision" = "Ballot"."revision" + 1, "updatedAt" = excluded."updatedAt"
        WHERE "Ballot"."revision" = ${b.expectedRevision}
      RETURNING "id", "termId", "userId", "revision", "grades", "reasons", "note", "updatedAt"
    ), be AS (
      INSERT INTO "BallotEvent" ("ballotId", "termId", "userId", "revision", "grades", "reasons", "note", "cause", "createdAt")
      SELECT b."id", b."termId", b."userId", b."revision", b."grades", b."reasons", b."note", 'vote', b."updatedAt" FROM b
    ), tv AS (
      UPDATE "Term" SET "tallyVersion" = "Term"."tallyVersion" + 1 FROM b WHERE "Term"."id" = b."termId"
      RETURNING "Term"."tallyVersion"
    ), te AS (
      ${INSERT_TERM_EVENT}
      SELECT b."termId", 'ballot', jsonb_build_object('tallyVersion', tv."tallyVersion"), ${timestamp(b.at)} FROM b, tv
    )${cells}
    SELECT b."revision", CAST(pg_notify(${NOTIFY_CHANNEL}, b."termId") AS text) AS "notified" FROM b`,
    // The same text for every save: parsed and planned once per pooled connection.
    { prepared: true },
  );
  const revision = rows[0]?.revision;
  return revision === undefined ? null : Number(revision);
}

/**
 * A ballot's cell changes as one JSON array of `[kind, delegation, a, b, text, n, counts]` rows:
 * one bound value whatever their number, so the statement is prepared once.
 */
function cellsJson(cells: readonly StoredCell[]): string {
  return JSON.stringify(cells.map((c) => [c.kind, c.delegation, c.a, c.b, c.text, c.n, c.counts]));
}

/** Thrown inside an SQLite save to roll it back when it must write nothing. */
const NOT_SAVED = Symbol("not saved");

/** One statement of an SQLite save: rows wanted back (`all`) or not (`run`). */
type Step = { all: Prisma.Sql } | { run: Prisma.Sql };
type Steps<T> = Generator<Step, T, unknown[] | undefined>;
type Saved = { id: string; revision: number | bigint };
type PackedStored = { kind: string; delegation: string; a: string; counts: string };

/** The ballot's own statements, steps 1-3 and 5 (its tally cells are added by `cellSteps`). */
function* ballotSteps(b: BallotRow): Steps<Saved> {
  const open = Prisma.sql`"id" = ${b.termId} AND "stage" = 'consultation' AND "renderingsVersion" = ${b.renderingsVersion} AND "tallyCellsOf" = ${b.renderingsVersion}`;
  const locked = (yield { all: Prisma.sql`UPDATE "Term" SET "tallyVersion" = "tallyVersion" + 1 WHERE ${open} RETURNING "tallyVersion"` })?.[0] as
    | { tallyVersion: number | bigint }
    | undefined;
  if (!locked) throw NOT_SAVED;
  // SQLite checks ON CONFLICT's WHERE on the existing row; the insert is proposed only while
  // the term is open (the lock above changed a row), so this runs only then.
  const row = (yield {
    all: Prisma.sql`
      INSERT INTO "Ballot" ("id", "termId", "userId", "delegationId", "grades", "reasons", "note", "revision", "createdAt", "updatedAt")
      VALUES (${newId()}, ${b.termId}, ${b.userId}, ${b.delegationId}, ${jsonValue(b.grades)}, ${jsonValue(b.reasons)}, ${b.note}, 1,
        ${timestamp(b.at)}, ${timestamp(b.at)})
      ON CONFLICT ("termId", "userId") DO UPDATE SET
        "grades" = excluded."grades", "reasons" = excluded."reasons", "note" = excluded."note",
        "delegationId" = excluded."delegationId", "revision" = "Ballot"."revision" + 1, "updatedAt" = excluded."updatedAt"
        WHERE "Ballot"."revision" = ${b.expectedRevision}
      RETURNING "id", "revision"`,
  })?.[0] as Saved | undefined;
  if (!row) throw NOT_SAVED;
  yield {
    run: Prisma.sql`
      INSERT INTO "BallotEvent" ("ballotId", "termId", "userId", "revision", "grades", "reasons", "note", "cause", "createdAt")
      SELECT "id", "termId", "userId", "revision", "grades", "reasons", "note", 'vote', "updatedAt" FROM "Ballot" WHERE "id" = ${row.id}`,
  };
  yield {
    run: Prisma.sql`
      ${INSERT_TERM_EVENT} VALUES (${b.termId}, 'ballot', json_object('tallyVersion', ${Number(locked.tallyVersion)}), ${timestamp(b.at)})`,
  };
  return row;
}

/**
 * Step 4: cell changes added to the term's tally. The packed counts they touch are read and
 * added to here (the transaction holds SQLite's one write lock, so nobody changes them
 * meanwhile); single counts add to `n` in SQL. One bound JSON text whatever the number of
 * cells: the statement is prepared once, not once per ballot size (SQLite needs the WHERE to
 * parse ON CONFLICT after a SELECT).
 */
function* cellSteps(termId: string, cells: readonly StoredCell[]): Steps<void> {
  if (cells.length === 0) return;
  const stored = cells.some((c) => c.counts !== "")
    ? ((yield { all: Prisma.sql`SELECT "kind", "delegation", "a", "counts" FROM "TallyCell" WHERE "termId" = ${termId} AND "kind" IN ('pairs', 'profiles')` }) as PackedStored[])
    : [];
  const now = new Map(stored.map((r) => [packedKey(r.kind, r.delegation, r.a), r.counts]));
  const rows = cells.map((c) =>
    c.counts === "" ? c : { ...c, counts: JSON.stringify(addCounts(parseCounts(now.get(packedKey(c.kind, c.delegation, c.a)) ?? ""), parseCounts(c.counts))) },
  );
  yield {
    run: Prisma.sql`
      INSERT INTO "TallyCell" ("termId", "kind", "delegation", "a", "b", "text", "n", "counts")
      SELECT ${termId}, v.value ->> 0, v.value ->> 1, v.value ->> 2, v.value ->> 3, v.value ->> 4, v.value ->> 5, v.value ->> 6
      FROM json_each(${cellsJson(rows)}) AS v WHERE true
      ON CONFLICT ("termId", "kind", "delegation", "a", "b") DO UPDATE SET "n" = "TallyCell"."n" + excluded."n", "counts" = excluded."counts"`,
  };
}

/** The cell changes of several saves of one term as one: counts of one cell added up (packed ones parsed and written once). */
function sumStoredCells(lists: readonly (readonly StoredCell[])[]): StoredCell[] {
  const sum = new Map<string, { cell: StoredCell; counts: number[] | null }>();
  for (const list of lists)
    for (const c of list) {
      const key = `${packedKey(c.kind, c.delegation, c.a)}\u0000${c.b}`;
      const had = sum.get(key);
      if (!had) sum.set(key, { cell: { ...c }, counts: c.counts === "" ? null : parseCounts(c.counts) });
      else if (had.counts === null) had.cell.n += c.n;
      else had.counts = addCounts(had.counts, parseCounts(c.counts));
    }
  return [...sum.values()].map(({ cell, counts }) => (counts === null ? cell : { ...cell, counts: JSON.stringify(counts) }));
}

/** Runs the steps on the direct connection (synchronously). */
function runDirect<T>(it: Steps<T>, direct: DirectSqlite): T {
  for (let next = it.next(); ; ) {
    if (next.done) return next.value;
    const step = next.value;
    next = it.next("all" in step ? direct.all(step.all) : (direct.run(step.run), undefined));
  }
}

/**
 * SQLite: saves are group-committed (server/db/group-commit.ts): those arriving in one turn of
 * the event loop run in one transaction, each ballot's own statements in a savepoint (rolled
 * back alone when it must write nothing), then the cell changes of the saved ones, summed per
 * term, once. Before Prisma has connected, a save is its own Prisma transaction.
 */
const sqliteSaves = processWide("ballots.sqliteSaves", () =>
  groupCommit<BallotRow, number | null>({
    each(direct, b) {
      try {
        return { keep: true, value: Number(runDirect(ballotSteps(b), direct).revision) };
      } catch (e) {
        if (e === NOT_SAVED) return { keep: false, value: null };
        throw e;
      }
    },
    finish(direct, saved) {
      const byTerm = new Map<string, StoredCell[][]>();
      for (const b of saved) byTerm.set(b.termId, [...(byTerm.get(b.termId) ?? []), b.cells]);
      for (const [termId, lists] of byTerm) runDirect(cellSteps(termId, lists.length === 1 ? lists[0]! : sumStoredCells(lists)), direct);
    },
    alone: saveThroughPrisma,
  }),
);

function saveOnSqlite(b: BallotRow): Promise<number | null> {
  return sqliteSaves.submit(b);
}

async function saveThroughPrisma(b: BallotRow): Promise<number | null> {
  const run = async <T>(it: Steps<T>, tx: Prisma.TransactionClient) => {
    for (let next = it.next(); ; ) {
      if (next.done) return next.value;
      const step = next.value;
      next = it.next("all" in step ? await tx.$queryRaw<unknown[]>(step.all) : (await tx.$executeRaw(step.run), undefined));
    }
  };
  try {
    return await db().$transaction(async (tx) => {
      const saved = await run(ballotSteps(b), tx);
      await run(cellSteps(b.termId, b.cells), tx);
      return Number(saved.revision);
    });
  } catch (e) {
    if (e === NOT_SAVED) return null;
    throw e;
  }
}

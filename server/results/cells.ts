import "server-only";
import { processWide } from "@/server/process-wide";
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/sqlite/client";
import { cellsOf, type Cell, type TalliedBallot } from "@/lib/tally/cells";
import { LISTED_REASONS } from "@/lib/tally/reasons";
import { onPostgres } from "@/server/db/sql";
import { packCells, parseCounts, unpackCells, type PackedRow } from "@/lib/tally/packing";
import { queryRows } from "@/server/db/direct";
import { db } from "@/server/db/client";
import type { Tx } from "@/server/site/audit";
import { storedGrades, storedReasons } from "@/server/ballots/export";

/**
 * Storage of the maintained tally (model TallyCell; the arithmetic is lib/tally/cells.ts).
 * The cells of a term are valid while Term.tallyCellsOf equals Term.renderingsVersion:
 * - a ballot adds its difference to them in its own statement (server/ballots/store.ts);
 * - a change of the renderings (changeTerm with `renderings`) rebuilds them in its transaction;
 * - anything else that writes ballots (a test's or benchmark's bulk insert) marks them stale
 *   (tallyCellsOf = -1), and the next ballot or read rebuilds them first (`ensureCells`).
 * Cells name delegations by id (a rename changes no count) and reasons by their SHA-256, and
 * are stored packed (lib/tally/packing.ts): the pairwise counts of a rendering and the grade
 * counts of a delegation are one row each, by the term's layout (Term.tallyLayout).
 */

/** A TallyCell row: `n` for a single count, `counts` (JSON) for a packed one. */
export type StoredCell = { kind: string; delegation: string; a: string; b: string; text: string; n: number; counts: string };

const reasonKey = (text: string) => createHash("sha256").update(text).digest("hex");

/** The rows that hold (or add) these cells, over the term's layout. */
export function storedCells(cells: readonly Cell[], layout: readonly string[]): StoredCell[] {
  return packCells(cells, layout).map((r) =>
    r.counts !== null
      ? { kind: r.kind, delegation: r.delegation, a: r.a, b: "", text: "", n: 0, counts: JSON.stringify(r.counts) }
      : r.kind === "reason"
        ? { kind: r.kind, delegation: r.delegation, a: r.a, b: reasonKey(r.b), text: r.b, n: r.n, counts: "" }
        : { kind: r.kind, delegation: r.delegation, a: r.a, b: r.b, text: "", n: r.n, counts: "" },
  );
}

/** A term's layout as stored (a JSON array of rendering ids). */
export function layoutOf(text: string): string[] {
  const parsed: unknown = JSON.parse(text || "[]");
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

/** The ballot of one voter as the tally sees it, from its stored row. */
export function talliedBallot(row: { delegationId: string; grades: unknown; reasons: unknown }): TalliedBallot {
  return { delegation: row.delegationId, grades: storedGrades(row.grades), reasons: storedReasons(row.reasons) };
}

/**
 * Transactions that may rebuild a term's cells (work proportional to its ballots, behind the
 * term's row lock): Prisma's defaults (2 s to get a connection, 5 s to finish) refuse a rebuild
 * of a large term on a loaded server with an unexpected error; these wait instead.
 */
export const REBUILD_TX = { maxWait: 15_000, timeout: 60_000 } as const;

/**
 * Rebuilds the term's cells from its ballots over its active renderings, inside a transaction
 * that holds the term's row lock; then they are valid for the term's current renderingsVersion.
 * Work proportional to the ballots: for the rare changes only.
 */
export async function rebuildCells(tx: Tx, termId: string): Promise<void> {
  const [layout, ballots, term] = await Promise.all([
    activeRenderingIds(tx, termId),
    tx.ballot.findMany({ where: { termId }, select: { delegationId: true, grades: true, reasons: true } }),
    tx.term.findUniqueOrThrow({ where: { id: termId }, select: { renderingsVersion: true } }),
  ]);
  const cells = cellsOf(ballots.map(talliedBallot), new Set(layout));
  await tx.tallyCell.deleteMany({ where: { termId } });
  const rows = storedCells(cells, layout);
  if (rows.length > 0) await tx.tallyCell.createMany({ data: rows.map((c) => ({ termId, ...c })) });
  await tx.term.update({ where: { id: termId }, data: { tallyCellsOf: term.renderingsVersion, tallyLayout: JSON.stringify(layout) } });
}

/**
 * After a rendering was added (bumpTally moved renderingsVersion by one): the cells count the
 * same ballots over the same graded renderings, so they stay valid for the new version — if
 * they were valid for the one before; the new rendering gets the next slot of the layout.
 * Stale cells stay stale and are rebuilt when next needed.
 */
export async function carryCellsOver(tx: Tx, termId: string): Promise<void> {
  const term = await tx.term.findUniqueOrThrow({ where: { id: termId }, select: { renderingsVersion: true, tallyCellsOf: true, tallyLayout: true } });
  if (term.tallyCellsOf !== term.renderingsVersion - 1) return;
  const layout = withSlotsFor(layoutOf(term.tallyLayout), await activeRenderingIds(tx, termId));
  await tx.term.update({ where: { id: termId }, data: { tallyCellsOf: term.renderingsVersion, tallyLayout: JSON.stringify(layout) } });
}

/**
 * The term's cells as the tally reads them (delegation names, reason texts), for the given
 * renderings' term. Of the reason cells (one per distinct text), only those the results list
 * (lib/tally/reasons.ts: most voters, then code point order, LISTED_REASONS per delegation and
 * rendering) leave the database: the rows, and the work on them here, do not grow with the
 * voters who rejected.
 */
export async function readCells(termId: string): Promise<Cell[]> {
  // Code point order: SQLite's BINARY collation compares the UTF-8 bytes; PostgreSQL's "C" too.
  const byCodePoints = onPostgres() ? Prisma.raw(`COLLATE "C"`) : Prisma.raw("COLLATE BINARY");
  const rows = await queryRows<{
    kind: string; delegation: string; name: string | null; a: string; b: string; text: string; n: number | bigint; counts: string; layout: string;
  }>(
    Prisma.sql`
      SELECT c."kind", c."delegation", d."name", c."a", c."b", c."text", c."n", c."counts", t."tallyLayout" AS "layout"
      FROM "TallyCell" c JOIN "Term" t ON t."id" = c."termId" LEFT JOIN "Delegation" d ON d."id" = c."delegation"
      WHERE c."termId" = ${termId} AND c."kind" <> 'reason'
      UNION ALL
      SELECT r."kind", r."delegation", d."name", r."a", r."b", r."text", r."n", r."counts", t."tallyLayout" AS "layout"
      FROM (
        SELECT c."termId", c."kind", c."delegation", c."a", c."b", c."text", c."n", c."counts",
          ROW_NUMBER() OVER (PARTITION BY c."delegation", c."a" ORDER BY c."n" DESC, c."text" ${byCodePoints}) AS "place"
        FROM "TallyCell" c WHERE c."termId" = ${termId} AND c."kind" = 'reason' AND c."n" > 0
      ) r JOIN "Term" t ON t."id" = r."termId" LEFT JOIN "Delegation" d ON d."id" = r."delegation"
      WHERE r."place" <= ${LISTED_REASONS}`,
  );
  if (rows.length === 0) return [];
  const names = new Map(rows.map((r) => [r.delegation, r.name ?? r.delegation]));
  const packed: PackedRow[] = rows.map((r) =>
    r.kind === "pairs" || r.kind === "profiles"
      ? { kind: r.kind, delegation: r.delegation, a: r.a, b: "", n: 0, counts: parseCounts(r.counts) }
      : { kind: r.kind as "voters" | "reason", delegation: r.delegation, a: r.a, b: r.kind === "reason" ? r.text : r.b, n: Number(r.n), counts: null },
  );
  return unpackCells(packed, layoutOf(rows[0]!.layout)).map((c) => ({ ...c, delegation: c.kind === "pair" ? "" : (names.get(c.delegation) ?? c.delegation) }));
}

/**
 * Makes the term's cells valid when they are stale (after a bulk insert, or a database from
 * before the maintained tally) or their layout lacks an active rendering: one transaction that
 * moves the term's versions (so a ballot checked against the old ones is checked again) and
 * rebuilds — or only extends the layout — if nobody moved them since it looked. Concurrent
 * callers in this process share one run; on another instance the conditional update finds
 * them current and does nothing.
 */
export function ensureCells(termId: string): Promise<void> {
  let running = rebuilding.get(termId);
  if (!running) {
    running = db()
      .$transaction(async (tx) => {
        const [term, active] = await Promise.all([
          tx.term.findUniqueOrThrow({ where: { id: termId }, select: { tallyCellsOf: true, renderingsVersion: true, tallyLayout: true } }),
          activeRenderingIds(tx, termId),
        ]);
        const layout = layoutOf(term.tallyLayout);
        const covering = withSlotsFor(layout, active);
        if (term.tallyCellsOf === term.renderingsVersion) {
          if (covering.length === layout.length) return;
          // Valid counts without a slot for some renderings: give them the next slots (their
          // counts are 0). The renderings' version moves, so a save holding the old layout
          // reads again; the results do not change, nor does their version.
          await tx.$executeRaw`
            UPDATE "Term" SET "renderingsVersion" = "renderingsVersion" + 1, "tallyCellsOf" = "renderingsVersion" + 1,
              "tallyLayout" = ${JSON.stringify(covering)}
            WHERE "id" = ${termId} AND "renderingsVersion" = ${term.renderingsVersion} AND "tallyCellsOf" = ${term.tallyCellsOf}`;
          return;
        }
        // Only while still so (another instance may have rebuilt meanwhile): moves the versions.
        const stale = await tx.$executeRaw`
          UPDATE "Term" SET "tallyVersion" = "tallyVersion" + 1, "renderingsVersion" = "renderingsVersion" + 1
          WHERE "id" = ${termId} AND "renderingsVersion" = ${term.renderingsVersion}`;
        if (stale > 0) await rebuildCells(tx, termId);
      }, REBUILD_TX)
      .finally(() => rebuilding.delete(termId));
    rebuilding.set(termId, running);
  }
  return running;
}

/**
 * Whether the layout has a slot for every one of these renderings. A term whose renderings were
 * written without `changeTerm` (created with the term, imported, a test's insert) has cells
 * valid by version but no slot for them: the first save has `ensureCells` give them slots.
 */
export function layoutCovers(layout: readonly string[], renderingIds: Iterable<string>): boolean {
  const slots = new Set(layout);
  for (const id of renderingIds) if (!slots.has(id)) return false;
  return true;
}

/** The layout with the next slots for those of `ids` it lacks, in their order. */
function withSlotsFor(layout: readonly string[], ids: readonly string[]): string[] {
  const known = new Set(layout);
  return [...layout, ...ids.filter((id) => !known.has(id))];
}

/** A term's active renderings in the order they get slots: oldest first, then by id. */
async function activeRenderingIds(tx: Tx, termId: string): Promise<string[]> {
  const rows = await tx.rendering.findMany({ where: { termId, status: "active" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  return rows.map((r) => r.id);
}

const rebuilding = processWide("results.rebuilding", () => new Map<string, Promise<void>>());

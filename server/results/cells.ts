import "server-only";
import { processWide } from "@/server/process-wide";
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/sqlite/client";
import { cellsOf, type Cell, type TalliedBallot } from "@/lib/tally/cells";
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
 * Cells name delegations by id (a rename changes no count) and reasons by their SHA-256.
 */

export type StoredCell = { kind: string; delegation: string; a: string; b: string; text: string; n: number };

const reasonKey = (text: string) => createHash("sha256").update(text).digest("hex");

export function storedCell(c: Cell): StoredCell {
  return c.kind === "reason" ? { ...c, b: reasonKey(c.b), text: c.b } : { ...c, text: "" };
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
  const [renderings, ballots, term] = await Promise.all([
    tx.rendering.findMany({ where: { termId, status: "active" }, select: { id: true } }),
    tx.ballot.findMany({ where: { termId }, select: { delegationId: true, grades: true, reasons: true } }),
    tx.term.findUniqueOrThrow({ where: { id: termId }, select: { renderingsVersion: true } }),
  ]);
  const cells = cellsOf(ballots.map(talliedBallot), new Set(renderings.map((r) => r.id)));
  await tx.tallyCell.deleteMany({ where: { termId } });
  if (cells.length > 0) await tx.tallyCell.createMany({ data: cells.map((c) => ({ termId, ...storedCell(c) })) });
  await tx.term.update({ where: { id: termId }, data: { tallyCellsOf: term.renderingsVersion } });
}

/**
 * After a rendering was added (bumpTally moved renderingsVersion by one): the cells count the
 * same ballots over the same graded renderings, so they stay valid for the new version — if
 * they were valid for the one before; stale cells stay stale and are rebuilt when next needed.
 */
export async function carryCellsOver(tx: Tx, termId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Term" SET "tallyCellsOf" = "renderingsVersion" WHERE "id" = ${termId} AND "tallyCellsOf" = "renderingsVersion" - 1`;
}

/** The term's cells as the tally reads them (delegation names, reason texts), for the given renderings' term. */
export async function readCells(termId: string): Promise<Cell[]> {
  const rows = await queryRows<{ kind: Cell["kind"]; delegation: string; name: string | null; a: string; b: string; text: string; n: number | bigint }>(
    Prisma.sql`
      SELECT c."kind", c."delegation", d."name", c."a", c."b", c."text", c."n"
      FROM "TallyCell" c LEFT JOIN "Delegation" d ON d."id" = c."delegation"
      WHERE c."termId" = ${termId} AND c."n" <> 0`,
  );
  return rows.map((r) => ({
    kind: r.kind,
    delegation: r.kind === "pair" ? "" : (r.name ?? r.delegation),
    a: r.a,
    b: r.kind === "reason" ? r.text : r.b,
    n: Number(r.n),
  }));
}

/**
 * Makes the term's cells valid when they are stale (after a bulk insert, or a database from
 * before the maintained tally): one transaction that takes the term's row lock only while they
 * are stale, moves its versions (so a ballot checked against the old ones is checked again) and
 * rebuilds. Concurrent callers in this process share one rebuild; on another instance the
 * conditional update finds them current and does nothing.
 */
export function ensureCells(termId: string): Promise<void> {
  let running = rebuilding.get(termId);
  if (!running) {
    running = db()
      .$transaction(async (tx) => {
        const stale = await tx.$executeRaw`
          UPDATE "Term" SET "tallyVersion" = "tallyVersion" + 1, "renderingsVersion" = "renderingsVersion" + 1
          WHERE "id" = ${termId} AND "tallyCellsOf" <> "renderingsVersion"`;
        if (stale > 0) await rebuildCells(tx, termId);
      }, REBUILD_TX)
      .finally(() => rebuilding.delete(termId));
    rebuilding.set(termId, running);
  }
  return running;
}

const rebuilding = processWide("results.rebuilding", () => new Map<string, Promise<void>>());

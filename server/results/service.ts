import "server-only";
import { processWide } from "@/server/process-wide";
import { isDeepStrictEqual } from "node:util";
import { Prisma } from "@/generated/sqlite/client";
import { db, type Db } from "@/server/db/client";
import { queryRows } from "@/server/db/direct";
import { notFound } from "@/lib/errors";
import { tally, type Results } from "@/lib/tally";
import { resultsFromCells } from "@/lib/tally/cells";
import { tallyInput } from "@/server/ballots/export";
import { ensureCells, readCells } from "@/server/results/cells";

/**
 * The results of a term, from its maintained tally (TallyCell, server/results/cells.ts), never
 * from its ballots on a request path: a read costs the term's cells (renderings², not voters)
 * and the tally's arithmetic on them (medians from counts, Schulze over the k×k matrix).
 *
 * - every change that can alter the results moves Term.tallyVersion in its own transaction
 *   (a ballot's statement, or `bumpTally` in changeTerm), and the cells with it;
 * - this process keeps the last results it computed per term with their version: a read
 *   fetches the version (a few bytes) and serves the kept results while it is current, on
 *   every instance alike (the version is in the database);
 * - concurrent reads of one version share one computation (single flight), and a read takes
 *   no lock: writers never wait for readers.
 *
 * The full recount from the ballots stays as the oracle (`recountResults`): a decision is
 * recorded only on results the recount agrees with.
 */

type TermKey = { id: string } | { slug: string };

/** A transaction client or the process-wide one: anything with `term.update`. */
type TermWriter = Pick<Db, "term">;

/**
 * Call inside the transaction that changes the renderings of the term (their set, status or
 * text), first: it takes the term's row lock and moves both the tally version and the
 * renderings version, so a ballot whose grades were checked against the renderings before
 * this change is not saved (server/ballots/store.ts) but checked again.
 */
export function bumpTally(tx: TermWriter, termId: string) {
  return tx.term.update({
    where: { id: termId },
    data: { tallyVersion: { increment: 1 }, renderingsVersion: { increment: 1 } },
    select: { tallyVersion: true },
  });
}

/** The results (shared: do not change the object). */
export async function getResults(slug: string): Promise<Results> {
  return (await current({ slug })).results;
}

/** The results as UTF-8 JSON, for the API to send as they are (the same bytes for every reader of a version). */
export async function getResultsJson(slug: string): Promise<Uint8Array<ArrayBuffer>> {
  return (await current({ slug })).bytes;
}

/**
 * The results with the tally version they are at least as new as: what live pages compare
 * with the version a ballot's event carries (components/live).
 */
export async function getVersionedResults(slug: string): Promise<{ version: number; results: Results; bytes: Uint8Array<ArrayBuffer> }> {
  return current({ slug });
}

/** The results recounted from every ballot: the oracle the maintained tally must agree with. */
export async function recountResults(slug: string): Promise<Results> {
  const term = await db().term.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!term) throw notFound("Term");
  return tally(await tallyInput(term));
}

/**
 * The results a decision may freeze: the maintained ones when a recount agrees; otherwise the
 * disagreement is logged, the cells are rebuilt, and the recount is used.
 */
export async function verifiedResults(slug: string): Promise<Results> {
  const [maintained, recount] = await Promise.all([getResults(slug), recountResults(slug)]);
  if (isDeepStrictEqual(maintained, recount)) return maintained;
  const term = await db().term.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  console.error(`[results] the maintained tally of "${slug}" differed from a recount; rebuilt`);
  await ensureCells(term.id);
  return recount;
}

type Computed = { version: number; results: Results; bytes: Uint8Array<ArrayBuffer> };

const encoder = new TextEncoder();
/** Per term id: the last results computed, with their version. Bounded (oldest out). */
const kept = processWide("results.kept", () => new Map<string, Computed>());
const KEPT_TERMS = 200;
/** Per term id and version: the computation under way, which concurrent readers share. */
const inflight = processWide("results.inflight", () => new Map<string, Promise<Computed>>());

type VersionRow = { id: string; slug: string; tallyVersion: number | bigint; renderingsVersion: number | bigint; tallyCellsOf: number | bigint };

async function versionRow(key: TermKey): Promise<VersionRow> {
  // On the hot path of every results read: the direct driver, as the ballot path does.
  const where = "slug" in key ? Prisma.sql`"slug" = ${key.slug}` : Prisma.sql`"id" = ${key.id}`;
  const rows = await queryRows<VersionRow>(Prisma.sql`
    SELECT "id", "slug", "tallyVersion", "renderingsVersion", "tallyCellsOf" FROM "Term" WHERE ${where}`);
  if (!rows[0]) throw notFound("Term");
  return rows[0];
}

async function current(key: TermKey): Promise<Computed> {
  const row = await versionRow(key);
  const version = Number(row.tallyVersion);
  const known = kept.get(row.id);
  if (known && known.version === version) return known;
  const flight = `${row.id}:${version}`;
  let computing = inflight.get(flight);
  if (!computing) {
    computing = compute(row, version).finally(() => inflight.delete(flight));
    inflight.set(flight, computing);
  }
  return computing;
}

/**
 * The results from the cells and the active renderings, read after the version: they are at
 * least as new as that version (a write landing meanwhile moves the version, and the next
 * read computes again).
 */
async function compute(row: VersionRow, version: number): Promise<Computed> {
  if (Number(row.tallyCellsOf) !== Number(row.renderingsVersion)) await ensureCells(row.id);
  const [renderings, cells] = await Promise.all([
    db().rendering.findMany({
      where: { termId: row.id, status: "active" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, text: true, createdAt: true },
    }),
    readCells(row.id),
  ]);
  const results = resultsFromCells(
    row.slug,
    renderings.map((r) => ({ id: r.id, text: r.text, createdAt: r.createdAt.toISOString() })),
    cells,
  );
  const computed = { version, results, bytes: encoder.encode(JSON.stringify(results)) };
  const known = kept.get(row.id);
  if (!known || known.version <= version) {
    kept.delete(row.id);
    kept.set(row.id, computed);
    if (kept.size > KEPT_TERMS) kept.delete(kept.keys().next().value!);
  }
  return computed;
}

type RenderingRef = { id: string; text: string };

/** First in the ranking and the consensus, for lists and headers (null while nobody has graded). */
export async function leaderOf(termId: string): Promise<{ leader: RenderingRef | null; consensus: RenderingRef | null }> {
  const { results } = await current({ id: termId });
  const ref = (id: string | null | undefined): RenderingRef | null => {
    const r = id ? results.renderings[id] : undefined;
    return id && r ? { id, text: r.text } : null;
  };
  if (results.voters === 0) return { leader: null, consensus: null };
  return { leader: ref(results.ranking[0]), consensus: ref(results.consensus) };
}

/** How to show each delegation's name in the reader's language (names are stored in English). */
export async function delegationLabels(locale: "en" | "zh"): Promise<Record<string, string>> {
  const rows = await db().delegation.findMany({ select: { name: true, nameZh: true } });
  return Object.fromEntries(rows.map((d) => [d.name, locale === "zh" && d.nameZh ? d.nameZh : d.name]));
}

import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import { db, type Db } from "@/server/db/client";
import { queryRows } from "@/server/db/direct";
import { notFound } from "@/lib/errors";
import { tally, type Results } from "@/lib/tally";
import { tallyInput } from "@/server/ballot-export";

/**
 * The results of a term, cached in the term's row and invalidated by version
 * (docs/decisions/012-ballots-and-results-cache.md):
 *
 * - every change that can alter the results (a ballot write, a rendering's status or text)
 *   increments Term.tallyVersion in the same transaction as the change (`bumpTally`);
 * - a reader serves Term.tallyCache when it was computed for the current version, else
 *   recounts with the pure `tally()` and stores the result only if the version has not moved
 *   since it was read, so a write that lands during the recount is never hidden.
 *
 * The cache lives in the database, so every app instance shares it.
 */

type TermKey = { id: string } | { slug: string };

/** A transaction client or the process-wide one: anything with `term.update`. */
type TermWriter = Pick<Db, "term">;

/**
 * Call inside the transaction that changes the renderings of the term (their set, status or
 * text), first: it takes the term's row lock and moves both the tally version and the
 * renderings version, so a ballot whose grades were checked against the renderings before
 * this change is not saved (server/ballot-sql.ts) but checked again.
 */
export function bumpTally(tx: TermWriter, termId: string) {
  return tx.term.update({
    where: { id: termId },
    data: { tallyVersion: { increment: 1 }, renderingsVersion: { increment: 1 } },
    select: { tallyVersion: true },
  });
}

export async function getResults(slug: string): Promise<Results> {
  return resultsOf({ slug });
}

/**
 * The results as UTF-8 JSON, for the API to send as they are. This process keeps the bytes of
 * the last current cache it read per term, keyed by the tally version: a read then fetches only
 * the version (a few bytes instead of the whole cache, 65 KiB with 10,000 voters) and sends
 * bytes already encoded. The version moves in the same transaction as every change, so the
 * kept bytes are served only while they are the database's current cache, on every instance.
 */
export async function getResultsJson(slug: string): Promise<Uint8Array<ArrayBuffer>> {
  const version = await versionRow(slug);
  const kept = version && isCurrentVersion(version) ? keptBytes.get(version.id) : undefined;
  if (kept && kept.version === Number(version!.tallyVersion)) return kept.bytes;
  const row = await cacheRow({ slug });
  if (!isCurrent(row)) return encoder.encode(JSON.stringify(await recount(row)));
  const bytes = encoder.encode(row.cache);
  keep(row.id, Number(row.tallyVersion), bytes);
  return bytes;
}

const encoder = new TextEncoder();
/** Per term id: the bytes of its current cache as last read. Bounded (oldest out). */
const keptBytes = new Map<string, { version: number; bytes: Uint8Array<ArrayBuffer> }>();
const KEPT_TERMS = 200;

function keep(termId: string, version: number, bytes: Uint8Array<ArrayBuffer>) {
  keptBytes.delete(termId);
  keptBytes.set(termId, { version, bytes });
  if (keptBytes.size > KEPT_TERMS) keptBytes.delete(keptBytes.keys().next().value!);
}

type VersionRow = { id: string; tallyVersion: number | bigint; tallyCacheOf: number | bigint };

async function versionRow(slug: string): Promise<VersionRow | undefined> {
  // On the hot path of every results read: the direct driver, as the ballot path does.
  const rows = await queryRows<VersionRow>(Prisma.sql`
    SELECT "id", "tallyVersion", "tallyCacheOf" FROM "Term" WHERE "slug" = ${slug}`);
  return rows[0];
}

function isCurrentVersion(row: VersionRow): boolean {
  return Number(row.tallyCacheOf) === Number(row.tallyVersion);
}

async function resultsOf(key: TermKey): Promise<Results> {
  const row = await cacheRow(key);
  return isCurrent(row) ? (JSON.parse(row.cache) as Results) : recount(row);
}

type CacheRow = { id: string; slug: string; tallyVersion: number | bigint; tallyCacheOf: number | bigint; cache: string | null };

/** One raw read (the hot path of every results view): the version and the cached text. */
async function cacheRow(key: TermKey): Promise<CacheRow> {
  const where = "slug" in key ? Prisma.sql`"slug" = ${key.slug}` : Prisma.sql`"id" = ${key.id}`;
  const rows = await db().$queryRaw<CacheRow[]>`
    SELECT "id", "slug", "tallyVersion", "tallyCacheOf", CAST("tallyCache" AS TEXT) AS "cache"
    FROM "Term" WHERE ${where}`;
  if (!rows[0]) throw notFound("Term");
  return rows[0];
}

function isCurrent(row: CacheRow): row is CacheRow & { cache: string } {
  return row.cache !== null && Number(row.tallyCacheOf) === Number(row.tallyVersion);
}

/** Recounts from every ballot and stores the result for the version read before counting. */
async function recount(row: CacheRow): Promise<Results> {
  const version = Number(row.tallyVersion);
  const results = tally(await tallyInput(row));
  // Conditional: if a write bumped the version meanwhile, these results may predate it;
  // the next reader recounts instead of being served them.
  await db().term.updateMany({
    where: { id: row.id, tallyVersion: version },
    data: { tallyCache: results, tallyCacheOf: version },
  });
  return results;
}

type RenderingRef = { id: string; text: string };

/** First in the ranking and the consensus, for lists and headers (null while nobody has graded). */
export async function leaderOf(termId: string): Promise<{ leader: RenderingRef | null; consensus: RenderingRef | null }> {
  const results = await resultsOf({ id: termId });
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

import "server-only";
import { db, type Db } from "@/server/db/client";
import { notFound } from "@/lib/errors";
import { tally, type Results } from "@/lib/tally";
import { tallyInput } from "@/server/ballot-export";

/**
 * The results of a term, cached in the term's row and invalidated by version
 * (docs/decisions/003-tally-cache.md):
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

/** Call inside the transaction that changes ballots or renderings of the term. */
export function bumpTally(tx: TermWriter, termId: string) {
  return tx.term.update({ where: { id: termId }, data: { tallyVersion: { increment: 1 } }, select: { tallyVersion: true } });
}

export async function getResults(slug: string): Promise<Results> {
  return resultsOf({ slug });
}

async function resultsOf(key: TermKey): Promise<Results> {
  const term = await db().term.findUnique({
    where: key,
    select: { id: true, slug: true, tallyVersion: true, tallyCacheOf: true, tallyCache: true },
  });
  if (!term) throw notFound("Term");
  if (term.tallyCache !== null && term.tallyCacheOf === term.tallyVersion) return term.tallyCache as Results;
  return recount(term);
}

/** Recounts from every ballot and stores the result for the version read before counting. */
async function recount(term: { id: string; slug: string; tallyVersion: number }): Promise<Results> {
  const results = tally(await tallyInput(term));
  // Conditional: if a write bumped the version meanwhile, these results may predate it;
  // the next reader recounts instead of being served them.
  await db().term.updateMany({
    where: { id: term.id, tallyVersion: term.tallyVersion },
    data: { tallyCache: results, tallyCacheOf: term.tallyVersion },
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

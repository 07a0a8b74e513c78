import type { BallotExport, Grade, ListedReason, StoredResults as Results } from "@/lib/tally";

/**
 * What a decision's record shows, derived from its frozen snapshot (and frozen ballots when it
 * has them): the same facts for the record page, the PDF and the decide page's review. Pure.
 */

export type Role = "adopted" | "admitted" | "deprecated";

export type RecordBlock = {
  delegation: string;
  /** null: the delegation did not grade the rendering (not yet graded, not a veto). */
  median: Grade | null;
  reasons: ListedReason[];
};

export type RecordRendering = {
  id: string;
  text: string;
  pinyin: string;
  /** Place in the ranking (1 first); null for a rendering outside it (withdrawn, merged). */
  rank: number | null;
  median: Grade | null;
  medianByDelegation: Record<string, Grade | null>;
  qualifies: boolean;
  role: Role | null;
  blocks: RecordBlock[];
};

export type Pair = { x: string; y: string; xy: number; yx: number };

export type RecordFacts = {
  delegations: string[];
  voters: number;
  /** Voters (ballots with at least one grade) per delegation; null without frozen ballots. */
  votersByDelegation: Record<string, number> | null;
  renderings: RecordRendering[];
  pairs: Pair[];
};

type Input = {
  results: Results;
  /** The renderings' texts as frozen with the decision (or as they are, for a review). */
  renderings: { id: string; text: string; pinyin: string }[];
  decision?: { adopted: string; admitted: string[]; deprecated: string[] };
  frozen?: BallotExport | null;
  /** How many of the ranking's first renderings the pairwise summary compares (default 6). */
  pairwiseTop?: number;
};

export function recordFacts({ results, renderings, decision, frozen, pairwiseTop = 6 }: Input): RecordFacts {
  const byId = new Map(renderings.map((r) => [r.id, r]));
  const roleOf = (id: string): Role | null =>
    !decision ? null : id === decision.adopted ? "adopted" : decision.admitted.includes(id) ? "admitted" : decision.deprecated.includes(id) ? "deprecated" : null;
  const ranked = results.ranking.map((id, i): RecordRendering => {
    const r = results.renderings[id];
    return {
      id,
      text: byId.get(id)?.text ?? r?.text ?? id,
      pinyin: byId.get(id)?.pinyin ?? "",
      rank: i + 1,
      median: r?.median ?? null,
      medianByDelegation: r?.medianByDelegation ?? {},
      qualifies: r?.qualifies ?? false,
      role: roleOf(id),
      blocks: (r?.blockedBy ?? []).map((b) => ({ delegation: b.delegation, median: b.median, reasons: b.reasons })),
    };
  });
  // Renderings the decision names that were not in the count (a deprecated withdrawn variant).
  const inRanking = new Set(results.ranking);
  const named = decision ? [decision.adopted, ...decision.admitted, ...decision.deprecated] : [];
  const outside = named
    .filter((id) => !inRanking.has(id))
    .map((id): RecordRendering => ({
      id,
      text: byId.get(id)?.text ?? id,
      pinyin: byId.get(id)?.pinyin ?? "",
      rank: null,
      median: null,
      medianByDelegation: {},
      qualifies: false,
      role: roleOf(id),
      blocks: [],
    }));

  const top = results.ranking.slice(0, pairwiseTop);
  const pairs: Pair[] = [];
  top.forEach((x, i) =>
    top.slice(i + 1).forEach((y) => pairs.push({ x, y, xy: results.pairwise[x]?.[y] ?? 0, yx: results.pairwise[y]?.[x] ?? 0 })),
  );

  return {
    delegations: results.delegations,
    voters: results.voters,
    votersByDelegation: frozen ? votersByDelegation(frozen) : null,
    renderings: [...ranked, ...outside],
    pairs,
  };
}

/** Ballots that grade at least one counted rendering, per delegation (the tally's voters). */
export function votersByDelegation(frozen: BallotExport): Record<string, number> {
  const counted = new Set(frozen.renderings.map((r) => r.id));
  const out: Record<string, number> = {};
  for (const b of frozen.ballots) {
    if (!Object.keys(b.grades).some((id) => counted.has(id))) continue;
    out[b.delegation] = (out[b.delegation] ?? 0) + 1;
  }
  return out;
}

type Ref = { id: string };

/**
 * The facts of a sealed decision (its snapshot, its frozen ballots) as the record page and the
 * PDF show them, with the text of a rendering by id.
 */
export function sealedRecordFacts({
  decision,
  snapshot,
  frozen,
}: {
  decision: { adopted: Ref; admitted: Ref[]; deprecated: Ref[] };
  snapshot: { results: Results; renderings: Input["renderings"] };
  frozen?: BallotExport | null;
}): { facts: RecordFacts; textOf: (id: string) => string } {
  const facts = recordFacts({
    results: snapshot.results,
    renderings: snapshot.renderings,
    decision: { adopted: decision.adopted.id, admitted: decision.admitted.map((r) => r.id), deprecated: decision.deprecated.map((r) => r.id) },
    frozen,
  });
  return { facts, textOf: (id) => facts.renderings.find((r) => r.id === id)?.text ?? id };
}

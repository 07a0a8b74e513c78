import { byCodeUnits, countBallots, type BallotCounts } from "./count";
import { GRADES, QUALIFYING_GRADE, gradeRank, type Grade } from "./grades";
import type { BallotExport, Block, MeritProfile, RenderingResult, Results } from "./schema";
import { explain } from "./explanation";
import { analyzeRobustness } from "./robustness";
import { countWins, strongestPaths } from "./schulze";

/**
 * The result of a term, computed exactly as docs/decisions/002-tally.md and the domain's
 * "How results are computed" describe: medians and merit profiles, the pairwise matrix,
 * the Schulze ranking with its fixed tie-break, and the consensus both delegations accept.
 * Pure and deterministic: the same export always gives the same results, in any ballot order.
 */
export function tally(input: BallotExport): Results {
  return resultsFromCounts(input.term, input.renderings, countBallots(input.ballots, input.renderings.map((r) => r.id)));
}

/**
 * The results from the counts alone (a recount's, or the maintained ones of lib/tally/cells.ts):
 * work proportional to the renderings and delegations, none to the ballots.
 */
export function resultsFromCounts(term: string, renderings: BallotExport["renderings"], counts: BallotCounts): Results {
  const n = renderings.length;
  const ids = renderings.map((r) => r.id);
  const { delegations, profiles, rejectReasons } = counts;

  const overall = new Int32Array(n * G);
  for (const profile of profiles) for (let i = 0; i < overall.length; i++) overall[i]! += profile[i]!;
  const median = ids.map((_, r) => lowerMedianRank(overall, r));
  const medianByDelegation = profiles.map((profile) => ids.map((_, r) => lowerMedianRank(profile, r)));

  const paths = strongestPaths(counts.pairwise, n);
  const wins = countWins(paths, n);

  // Ranking rule, fixed before voting: Schulze wins, then median, then age, then id.
  const createdAt = renderings.map((r) => timeOrLast(r.createdAt));
  const ranking = ids
    .map((_, r) => r)
    .sort(
      (a, b) =>
        wins[b]! - wins[a]! ||
        median[b]! - median[a]! ||
        createdAt[a]! - createdAt[b]! ||
        byCodeUnits(ids[a]!, ids[b]!),
    );

  // A block is a median below acceptable; a delegation none of whose voters graded the
  // rendering has not blocked it, it has not graded it yet. Either keeps it from qualifying.
  // With no ballots at all there is nobody to agree, so nothing qualifies.
  const blockedBy = ids.map((_, r) => blocks(r));
  const notYetGradedBy = ids.map((_, r) => delegations.filter((_, d) => medianByDelegation[d]![r]! === -1));
  const qualifies = ids.map((_, r) => counts.voters > 0 && blockedBy[r]!.length === 0 && notYetGradedBy[r]!.length === 0);
  const winner = ranking.find((r) => qualifies[r]);

  function blocks(r: number): Block[] {
    const result: Block[] = [];
    delegations.forEach((delegation, d) => {
      const m = gradeAt(medianByDelegation[d]![r]!);
      if (m !== null && gradeRank(m) < QUALIFYING_RANK) result.push({ delegation, median: m, reasons: rejectReasons[d]![r]!.map((x) => ({ ...x })) });
    });
    return result;
  }

  const byDelegation = <T>(value: (d: number) => T) =>
    Object.fromEntries(delegations.map((name, d) => [name, value(d)]));

  const renderingResults = renderings.map((rendering, r): [string, RenderingResult] => [
    rendering.id,
    {
      text: rendering.text,
      median: gradeAt(median[r]!),
      medianByDelegation: byDelegation((d) => gradeAt(medianByDelegation[d]![r]!)),
      profile: meritProfile(overall, r),
      profileByDelegation: byDelegation((d) => meritProfile(profiles[d]!, r)),
      graders: sumGrades(overall, r),
      wins: wins[r]!,
      qualifies: qualifies[r]!,
      blockedBy: blockedBy[r]!,
      notYetGradedBy: notYetGradedBy[r]!,
      rejectReasons: byDelegation((d) => rejectReasons[d]![r]!),
    },
  ]);

  const core = {
    term,
    voters: counts.voters,
    delegations,
    votersByDelegation: byDelegation((d) => counts.votersByDelegation[d]!),
    ranking: ranking.map((r) => ids[r]!),
    consensus: winner === undefined ? null : ids[winner]!,
    // fromEntries, not assignment, so that an id such as "__proto__" stays an ordinary key.
    renderings: Object.fromEntries(renderingResults),
    pairwise: matrix(ids, counts.pairwise),
    strongestPaths: matrix(ids, paths),
  };
  const { robustness, witness } = analyzeRobustness({
    ids,
    delegations,
    votersByDelegation: counts.votersByDelegation,
    profiles,
    pairwise: counts.pairwise,
    paths,
    ranking,
    qualifies,
    consensus: winner,
    voters: counts.voters,
  });
  return { ...core, robustness, explanation: explain({ ...core, robustness }, witness) };
}

const G = GRADES.length;
const QUALIFYING_RANK = gradeRank(QUALIFYING_GRADE);

/**
 * Rank of the element at index floor((count - 1) / 2) of rendering r's grades sorted from
 * lowest to highest (the lower median when the count is even), read off the counts; -1
 * when nobody graded it, which also sorts "no median" below every grade.
 */
function lowerMedianRank(profile: Int32Array, r: number): number {
  const total = sumGrades(profile, r);
  if (total === 0) return -1;
  const index = Math.floor((total - 1) / 2);
  let seen = 0;
  for (let g = 0; g < G; g++) {
    seen += profile[r * G + g]!;
    if (seen > index) return g;
  }
  throw new Error("unreachable: the median index is below the total");
}

function sumGrades(profile: Int32Array, r: number): number {
  let total = 0;
  for (let g = 0; g < G; g++) total += profile[r * G + g]!;
  return total;
}

function gradeAt(rank: number): Grade | null {
  return GRADES[rank] ?? null;
}

function meritProfile(profile: Int32Array, r: number): MeritProfile {
  const at = (grade: Grade) => profile[r * G + gradeRank(grade)]!;
  return {
    excellent: at("excellent"),
    very_good: at("very_good"),
    good: at("good"),
    acceptable: at("acceptable"),
    poor: at("poor"),
    reject: at("reject"),
  };
}

/** Milliseconds since the epoch, so "+08:00" and "Z" timestamps compare as instants. */
function timeOrLast(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.MAX_VALUE : t;
}

function matrix(ids: readonly string[], values: Int32Array): Record<string, Record<string, number>> {
  const n = ids.length;
  return Object.fromEntries(
    ids.map((x, i) => [x, Object.fromEntries(ids.flatMap((y, j) => (i === j ? [] : [[y, values[i * n + j]!]])))]),
  );
}

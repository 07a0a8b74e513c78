import { GRADES, gradeRank } from "./grades";
import type { ExportedBallot } from "./schema";
import { listedReasons, type Reason } from "./reasons";

/** Everything the tally needs from the ballots, gathered in one pass. */
export interface BallotCounts {
  /** Ballots with at least one grade on an active rendering. */
  voters: number;
  /** Delegations that cast such a ballot, in code-unit order (locale-independent). */
  delegations: string[];
  /** votersByDelegation[d]: such ballots of delegation d. */
  votersByDelegation: number[];
  /**
   * profiles[d][r * 6 + g]: voters of delegation d who gave rendering r grade rank g.
   * Flat typed arrays, because this is the hot path for large exports.
   */
  profiles: Int32Array[];
  /** pairwise[x * n + y]: voters who graded x strictly higher than y. */
  pairwise: Int32Array;
  /** rejectReasons[d][r]: the listed reasons of delegation d's voters who rejected r (./reasons.ts). */
  rejectReasons: Reason[][][];
}

const G = GRADES.length;

/**
 * Renderings are referred to by their position in `renderingIds` (the active renderings).
 * Grades for any other id are ignored, and a ballot left without grades is not counted at
 * all (the domain's "a ballot with no grades on active renderings counts as no ballot").
 */
export function countBallots(
  ballots: readonly ExportedBallot[],
  renderingIds: readonly string[],
): BallotCounts {
  const n = renderingIds.length;
  const indexOf = new Map<string, number>();
  renderingIds.forEach((id, r) => {
    // Results are keyed by id: two renderings with one id cannot both be reported.
    if (indexOf.has(id)) throw new RangeError(`duplicate rendering id ${JSON.stringify(id)}`);
    indexOf.set(id, r);
  });
  const pairwise = new Int32Array(n * n);
  const delegationIndex = new Map<string, number>();
  const profiles: Int32Array[] = [];
  const reasonCounts: Map<string, number>[][] = [];
  const votersOf: number[] = [];
  let voters = 0;

  // Scratch space reused for every ballot: the grade rank per rendering (-1 = ungraded),
  // the renderings graded, and the same sorted by grade, so that the pairwise loop
  // touches only the pairs a ballot orders.
  const rankOf = new Int8Array(n).fill(-1);
  const graded = new Int32Array(n);
  const byGrade = new Int32Array(n);
  const bucketStart = new Int32Array(G + 1);
  const bucketFill = new Int32Array(G + 1);

  for (const ballot of ballots) {
    const grades = ballot.grades;
    let k = 0;
    for (const id in grades) {
      const r = indexOf.get(id);
      const grade = grades[id];
      if (r === undefined || grade === undefined) continue;
      rankOf[r] = gradeRank(grade); // throws on a value that is not a grade
      graded[k++] = r;
    }
    if (k === 0) continue;
    voters++;

    let d = delegationIndex.get(ballot.delegation);
    if (d === undefined) {
      d = profiles.length;
      delegationIndex.set(ballot.delegation, d);
      profiles.push(new Int32Array(n * G));
      reasonCounts.push(Array.from({ length: n }, () => new Map()));
      votersOf.push(0);
    }
    votersOf[d]!++;
    const profile = profiles[d]!;

    // Indices below are in range by construction (r < n, rank < G), hence the `!`s.
    bucketStart.fill(0);
    for (let a = 0; a < k; a++) {
      const x = graded[a]!;
      const gx = rankOf[x]!;
      bucketStart[gx + 1]!++;
      profile[x * G + gx]!++;
      if (gx === 0) {
        const reason = ballot.reasons?.[renderingIds[x]!]?.trim();
        if (reason) {
          const counts = reasonCounts[d]![x]!;
          counts.set(reason, (counts.get(reason) ?? 0) + 1);
        }
      }
    }
    // Counting sort by grade, then every rendering is preferred to all those in the
    // buckets below its own: no comparisons, and ties cost nothing.
    for (let g = 1; g <= G; g++) bucketStart[g]! += bucketStart[g - 1]!;
    bucketFill.set(bucketStart);
    for (let a = 0; a < k; a++) {
      const x = graded[a]!;
      byGrade[bucketFill[rankOf[x]!]!++] = x;
    }
    for (let g = 1; g < G; g++) {
      const below = bucketStart[g]!;
      for (let i = below; i < bucketStart[g + 1]!; i++) {
        const row = byGrade[i]! * n;
        for (let j = 0; j < below; j++) pairwise[row + byGrade[j]!]!++;
      }
    }
    for (let a = 0; a < k; a++) rankOf[graded[a]!] = -1;
  }

  // Report delegations in a fixed order so results do not depend on ballot order.
  const order = [...delegationIndex.entries()].sort(([a], [b]) => byCodeUnits(a, b));
  return {
    voters,
    delegations: order.map(([name]) => name),
    votersByDelegation: order.map(([, d]) => votersOf[d]!),
    profiles: order.map(([, d]) => profiles[d]!),
    pairwise,
    rejectReasons: order.map(([, d]) => reasonCounts[d]!.map(listedReasons)),
  };
}

export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { GRADES, QUALIFYING_GRADE, gradeRank } from "./grades";
import type { Results, Robustness } from "./schema";

/**
 * How close the call is (issue 15), from the counts alone: the merit profiles per delegation
 * and the pairwise matrix, never the ballots. Work O(n³ + n² log V) for n renderings and V
 * voters (binary searches over a ballot count), so a results read stays independent of the
 * number of ballots.
 *
 * A "change" replaces one cast ballot by any other (grades raised, lowered, added or removed);
 * the voter keeps their delegation. Notation: C the consensus, d[a][b] the pairwise counts,
 * link(a,b) = d[a][b] when d[a][b] > d[b][a] else 0 (the Schulze link), p the strongest paths.
 *
 * Facts the bounds rest on (each proved where it is used):
 * (F1) one changed ballot moves every d[a][b] by at most 1 (a ballot adds 0 or 1 to it);
 * (F2) for D's voters who graded C, n of them and k acceptable or better, one changed ballot
 *      lowers k - floor(n / 2) by at most 1 (lowering a grade below acceptable: exactly 1;
 *      removing an acceptable grade: 1 or 0; adding a low grade: 0 or 1), and D's median of C
 *      is below acceptable exactly when k <= floor(n / 2); so blockMargin[D] = k - floor(n/2),
 *      which is the domain's k - n + m + 1 with m = floor((n - 1) / 2);
 * (F3) symmetrically, for D's median of X to reach acceptable, with below = n - k > m, one
 *      changed ballot lowers below - m by at most 1, and raising one low grade lowers it by 1;
 *      a delegation nobody of which graded X needs 1 ballot (any of its voters grades X). A
 *      delegation leaving altogether costs all its ballots, never fewer than this "lift";
 * (F4) if C beats X in the Schulze relation, C ranks above X: the relation is transitive, so
 *      C beats everything X beats, and X itself (ranking is by number of wins first);
 * (F5) raising X in a ballot (to excellent) and lowering C (to reject) only raises d[X][·],
 *      d[·][C] and only lowers d[·][X], d[C][·]: on a simple path from X to C every link gets
 *      stronger or stays, on a simple path from C to X every link gets weaker or stays, apart
 *      from the direct links X→C and C→X, whose new counts are known exactly.
 */

const G = GRADES.length;
const QUALIFYING_RANK = gradeRank(QUALIFYING_GRADE);

/** What the counts give: indices are positions of the renderings. */
export interface RobustnessInput {
  ids: readonly string[];
  delegations: readonly string[];
  /** votersByDelegation[d]: ballots counted of delegation d. */
  votersByDelegation: ArrayLike<number>;
  /** profiles[d][r * 6 + g]: voters of delegation d who gave rendering r grade rank g. */
  profiles: readonly ArrayLike<number>[];
  /** pairwise[x * n + y] = d[x][y]. */
  pairwise: ArrayLike<number>;
  /** The Schulze strongest paths of `pairwise`. */
  paths: ArrayLike<number>;
  /** Positions in ranking order. */
  ranking: readonly number[];
  qualifies: readonly boolean[];
  consensus: number | undefined;
  voters: number;
}

/**
 * How `ballotsToChange` ballots can be changed so that the outcome changes (for the
 * explanation, and for the tests that carry the change out and tally again):
 * - block: lower the consensus to a low grade in that many ballots of `delegation` that now
 *   grade it acceptable or better;
 * - overtake: raise `rendering` to excellent in `lift[D]` ballots of each delegation D that
 *   grade it below acceptable (any of D's ballots if none of D graded it), preferring those
 *   that grade the consensus acceptable or better; in every changed ballot that grades the
 *   consensus above `rendering`, also lower the consensus to reject (a "swap"); then swap
 *   further ballots grading the consensus above `rendering` until `swaps` are done.
 *   `rendering` then qualifies and beats the consensus;
 * - qualify (no consensus yet): raise `rendering` as under overtake, with no swaps: it then
 *   qualifies, so some consensus exists.
 */
export type Witness =
  | { kind: "block"; delegation: string }
  | { kind: "overtake"; rendering: string; lift: Record<string, number>; swaps: number }
  | { kind: "qualify"; rendering: string };

export interface RobustnessAnalysis {
  robustness: Robustness;
  witness: Witness | null;
  /** A proven lower bound of the fewest ballots (equal to ballotsToChange when exact). */
  lowerBound: number | null;
}

export function analyzeRobustness(input: RobustnessInput): RobustnessAnalysis {
  const { ids, delegations, profiles, consensus, voters } = input;
  const n = ids.length;
  const liftOf = (r: number) => delegations.map((_, d) => lift(profiles[d]!, r));
  const liftSum = (r: number) => liftOf(r).reduce((a, b) => a + b, 0);

  if (consensus === undefined) {
    const leader = input.ranking[0];
    if (voters === 0 || leader === undefined)
      return { robustness: { consensus: null, blockMargin: {}, ballotsToChange: null, exact: true }, witness: null, lowerBound: null };
    // Some rendering must come to qualify, which takes at least its lift sum (F3); raising it
    // in that many ballots makes it qualify, and then some consensus exists. Exact.
    let nearest = leader;
    for (const r of input.ranking) if (liftSum(r) < liftSum(nearest)) nearest = r;
    const blockMargin: Record<string, number> = {};
    liftOf(leader).forEach((need, d) => {
      if (need > 0) blockMargin[delegations[d]!] = need;
    });
    const fewest = liftSum(nearest);
    return {
      robustness: { consensus: null, blockMargin, ballotsToChange: fewest, exact: true },
      witness: { kind: "qualify", rendering: ids[nearest]! },
      lowerBound: fewest,
    };
  }

  const C = consensus;
  const d = (x: number, y: number) => input.pairwise[x * n + y]!;
  const link = (x: number, y: number) => (d(x, y) > d(y, x) ? d(x, y) : 0);
  const margins = delegations.map((_, del) => blockMargin(profiles[del]!, C));
  const blockMargins = Object.fromEntries(delegations.map((name, del) => [name, margins[del]!]));

  // Upper bounds, each with a change that works (the witness).
  let best = Math.min(...margins);
  let witness: Witness = { kind: "block", delegation: delegations[margins.indexOf(best)]! };
  const lifts = ids.map((_, r) => liftSum(r));

  for (let X = 0; X < n; X++) {
    if (X === C) continue;
    // Overtake: make X qualify and beat C, so that it ranks above C (F4).
    // - Qualify: raise X to excellent in lifts[X] ballots: lift_D of delegation D's ballots
    //   grading X below acceptable (any ballot of D when none of D graded X) (F3).
    // - Beat: a "swap" (X to excellent, C to reject in a ballot grading C above X) turns
    //   d[C][X], d[X][C] into d[C][X] - 1, d[X][C] + 1. After s swaps, by (F5) the strongest
    //   path X→C is at least max(p[X][C], the new direct link) and C→X at most the strongest
    //   path avoiding the direct link (its links only weaken) or the new direct link; the
    //   fewest s for which the first exceeds the second is found by bisection (0 when X beats C
    //   already). Every other change the witness makes only raises X or lowers C, which can
    //   only help (F5), and raising X never undoes its qualifying.
    // - Overlap: within D, a ballot grading X below acceptable and C acceptable or better grades
    //   C above X, so a raise there is a swap too; at least below_D(X) + k_D(C) - voters_D such
    //   ballots exist (inclusion-exclusion), which counts only need.
    const liftX = delegations.map((_, del) => lift(profiles[del]!, X));
    const liftTotal = liftX.reduce((a, b) => a + b, 0);
    if (liftTotal >= best) continue;
    const swaps = swapsToBeat(X);
    if (swaps === null) continue;
    let overlap = 0;
    delegations.forEach((_, del) => {
      const x = counts(profiles[del]!, X);
      const c = counts(profiles[del]!, C);
      overlap += Math.min(liftX[del]!, Math.max(0, x.n - x.k + c.k - input.votersByDelegation[del]!));
    });
    const j = liftTotal + Math.max(0, swaps - overlap);
    if (j < best) {
      best = j;
      witness = { kind: "overtake", rendering: ids[X]!, lift: Object.fromEntries(delegations.map((name, del) => [name, liftX[del]!])), swaps };
    }
  }

  function swapsToBeat(X: number): number | null {
    const dCX = d(C, X);
    const dXC = d(X, C);
    const pXC = input.paths[X * n + C]!;
    if (pXC > input.paths[C * n + X]!) return 0;
    const avoiding = widestFrom(C, n, (a, b) => (a === C && b === X ? 0 : link(a, b)))[X]!;
    const overtakes = (s: number) => {
      const cx = dCX - s;
      const xc = dXC + s;
      return Math.max(pXC, xc > cx ? xc : 0) > Math.max(avoiding, cx > xc ? cx : 0);
    };
    return firstTrue(1, dCX, overtakes);
  }

  // Lower bound: with j changed ballots the consensus stays C when
  // (a) j < every blockMargin: C still qualifies (F2), and
  // (b) every other X either cannot qualify (j < lifts[X], F3) or is still beaten by C (F4):
  //     by (F1) a link a→b with d[a][b] - d[b][a] > 2j survives with strength >= d[a][b] - j,
  //     and a link can exist afterwards only if d[a][b] + j > d[b][a] - j, with strength
  //     <= d[a][b] + j; strongest paths over those lower and upper links bound p'[C][X] from
  //     below and p'[X][C] from above.
  // Each condition only gets harder as j grows, so the first j where they fail is found by
  // bisection; it is at most `best`, since the witness above is such a change.
  const safe = (j: number) => {
    if (j >= Math.min(...margins)) return false;
    const low = widestFrom(C, n, (a, b) => (d(a, b) - d(b, a) > 2 * j ? d(a, b) - j : 0));
    const high = widestTo(C, n, (a, b) => (d(a, b) + j > d(b, a) - j ? d(a, b) + j : 0));
    for (let X = 0; X < n; X++) if (X !== C && j >= lifts[X]! && !(low[X]! > high[X]!)) return false;
    return true;
  };
  const lowerBound = firstTrue(1, best, (j) => !safe(j)) ?? best;

  return {
    robustness: { consensus: ids[C]!, blockMargin: blockMargins, ballotsToChange: best, exact: lowerBound === best },
    witness,
    lowerBound,
  };
}

/** The analysis of finished results (the page, and the tests' second route to the same numbers). */
export function analyzeResults(results: Pick<Results, "renderings" | "delegations" | "votersByDelegation" | "pairwise" | "strongestPaths" | "ranking" | "consensus" | "voters">): RobustnessAnalysis {
  const ids = Object.keys(results.renderings);
  const n = ids.length;
  const at = new Map(ids.map((id, r) => [id, r]));
  const square = (m: Record<string, Record<string, number>>) => {
    const out = new Int32Array(n * n);
    ids.forEach((x, i) => ids.forEach((y, j) => (out[i * n + j] = i === j ? 0 : (m[x]?.[y] ?? 0))));
    return out;
  };
  const profiles = results.delegations.map((del) => {
    const out = new Int32Array(n * G);
    ids.forEach((id, r) => {
      const profile = results.renderings[id]!.profileByDelegation[del];
      if (profile) GRADES.forEach((g, rank) => (out[r * G + rank] = profile[g]));
    });
    return out;
  });
  return analyzeRobustness({
    ids,
    delegations: results.delegations,
    profiles,
    pairwise: square(results.pairwise),
    paths: square(results.strongestPaths),
    ranking: results.ranking.map((id) => at.get(id)!),
    qualifies: ids.map((id) => results.renderings[id]!.qualifies),
    consensus: results.consensus === null ? undefined : at.get(results.consensus),
    votersByDelegation: results.delegations.map((del) => results.votersByDelegation[del] ?? 0),
    voters: results.voters,
  });
}

/** Graders of r in a profile, and how many of them graded it acceptable or better. */
function counts(profile: ArrayLike<number>, r: number): { n: number; k: number } {
  let n = 0;
  let k = 0;
  for (let g = 0; g < G; g++) {
    const c = profile[r * G + g]!;
    n += c;
    if (g >= QUALIFYING_RANK) k += c;
  }
  return { n, k };
}

/** Ballots of this delegation to lower for its median of r to fall below acceptable (F2). */
export function blockMargin(profile: ArrayLike<number>, r: number): number {
  const { n, k } = counts(profile, r);
  return Math.max(0, k - Math.floor(n / 2));
}

/** Ballots of this delegation to raise for its median of r to reach acceptable (F3). */
export function lift(profile: ArrayLike<number>, r: number): number {
  const { n, k } = counts(profile, r);
  if (n === 0) return 1;
  return Math.max(0, n - k - Math.floor((n - 1) / 2));
}

/** Widest (bottleneck) paths from `source`, Dijkstra-style: O(n²). */
function widestFrom(source: number, n: number, link: (a: number, b: number) => number): Float64Array {
  const best = new Float64Array(n);
  const done = new Uint8Array(n);
  best[source] = Infinity;
  for (let step = 0; step < n; step++) {
    let u = -1;
    for (let v = 0; v < n; v++) if (!done[v] && (u === -1 || best[v]! > best[u]!)) u = v;
    if (u === -1 || best[u] === 0) break;
    done[u] = 1;
    for (let v = 0; v < n; v++) if (!done[v]) best[v] = Math.max(best[v]!, Math.min(best[u]!, link(u, v)));
  }
  best[source] = 0;
  return best;
}

/** Widest paths into `target`. */
function widestTo(target: number, n: number, link: (a: number, b: number) => number): Float64Array {
  return widestFrom(target, n, (a, b) => link(b, a));
}

/** The least j in [from, to] where a monotone predicate (false…false true…true) holds, or null. */
function firstTrue(from: number, to: number, holds: (j: number) => boolean): number | null {
  if (to < from || !holds(to)) return null;
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

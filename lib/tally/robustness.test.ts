import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { cellsOf, resultsFromCells } from "./cells";
import { GRADES, gradeRank, type Grade } from "./grades";
import { analyzeResults, type Witness } from "./robustness";
import type { BallotExport, ExportedBallot, Results } from "./schema";
import { tally } from "./tally";

// Robustness on electorates where the answer is worked out by hand, then properties: the
// number never exceeds a block margin, the described change of that many ballots really
// changes the consensus (carried out on the ballots and tallied again), and where it is
// marked exact no change of fewer ballots does (by brute force on small electorates).

type Grades = Record<string, Grade>;
let seq = 0;
const ballot = (delegation: string, grades: Grades): ExportedBallot => ({ voter: `v${++seq}`, delegation, grades });
const times = (count: number, delegation: string, grades: Grades) => Array.from({ length: count }, () => ballot(delegation, grades));
const renderings = (...ids: string[]) => ids.map((id, i) => ({ id, text: id, createdAt: `2026-01-0${i + 1}T00:00:00Z` }));
const election = (ids: string[], ballots: ExportedBallot[]): BallotExport => ({ term: "t", renderings: renderings(...ids), ballots });

const rank = (g: Grade | undefined) => (g === undefined ? -1 : gradeRank(g));
const OK = gradeRank("acceptable");

describe("robustness, by hand", () => {
  test("the block margin counts over the lower median: 1 Chinese ballot stops 多元共存 being acceptable", () => {
    // China: acceptable, good, poor (n 3, k 2, lower median index 1): 2 - floor(3/2) = 1.
    // Canada: good ×4 (n 4, k 4): 4 - 2 = 2.
    const input = election(["多元共存", "多元共商"], [
      ballot("China", { 多元共存: "acceptable", 多元共商: "reject" }),
      ballot("China", { 多元共存: "good", 多元共商: "poor" }),
      ballot("China", { 多元共存: "poor", 多元共商: "poor" }),
      ...times(4, "Canada", { 多元共存: "good", 多元共商: "excellent" }),
    ]);
    const result = tally(input);
    assert.equal(result.consensus, "多元共存");
    assert.deepStrictEqual(result.robustness, { consensus: "多元共存", blockMargin: { Canada: 2, China: 1 }, ballotsToChange: 1, exact: true });
    assert.match(result.explanation!.en, /1 ballot of the China delegation would have to change for 多元共存 to stop being acceptable to it/);
    assert.match(result.explanation!.en, /多元共商 is ranked higher but blocked by China \(median poor\)/);
    assert.match(result.explanation!.zh, /China代表团须有 1 张选票改变，“多元共存”才会不再为其所接受/);
    assert.notEqual(fewestByBruteForce(input, 1), null, "one changed ballot does change it");
  });

  test("a rendering that could overtake in the Schulze ranking makes it fewer than the block margins", () => {
    // Every ballot grades both acceptable or better. Per delegation: 3 grade C good and X
    // acceptable, some grade X good and C acceptable, 2 or 3 grade both good.
    // d[C][X] = 6, d[X][C] = 3: C beats X by 3. Each swapped ballot moves 1 from d[C][X] to
    // d[X][C], so 2 swaps give 4 : 5 and X beats C; 1 change cannot (each count moves by at
    // most 1: at best 5 : 4). Block margins: A n 7, k 7: 7 - 3 = 4; B the same: 4.
    const input = election(["C", "X"], [
      ...times(3, "A", { C: "good", X: "acceptable" }),
      ...times(2, "A", { C: "acceptable", X: "good" }),
      ...times(2, "A", { C: "good", X: "good" }),
      ...times(3, "B", { C: "good", X: "acceptable" }),
      ...times(1, "B", { C: "acceptable", X: "good" }),
      ...times(3, "B", { C: "good", X: "good" }),
    ]);
    const result = tally(input);
    assert.equal(result.consensus, "C");
    assert.deepStrictEqual(result.robustness, { consensus: "C", blockMargin: { A: 4, B: 4 }, ballotsToChange: 2, exact: true });
    assert.deepStrictEqual(analyzeResults(result).witness, { kind: "overtake", rendering: "X", lift: { A: 0, B: 0 }, swaps: 2 });
    assert.notEqual(tally(applyWitness(input, result)).consensus, "C");
    assert.equal(fewestByBruteForce(input, 1), null, "no single changed ballot changes the consensus");
    assert.match(result.explanation!.en, /but 2 ballots changed could let X, also acceptable to every delegation, overtake it in the Schulze ranking/);
  });

  test("with an even Schulze margin the tie-break decides, and the count is only an upper bound", () => {
    // d[C][X] = 6, d[X][C] = 4: one change can tie the pair at 5 : 5, and then the medians
    // decide; the witness needs 2. Lower bound 1, upper bound 2: not exact.
    const input = election(["C", "X"], [
      ...times(3, "A", { C: "good", X: "acceptable" }),
      ...times(2, "A", { C: "acceptable", X: "good" }),
      ...times(3, "A", { C: "good", X: "good" }),
      ...times(3, "B", { C: "good", X: "acceptable" }),
      ...times(2, "B", { C: "acceptable", X: "good" }),
      ...times(3, "B", { C: "good", X: "good" }),
    ]);
    const result = tally(input);
    assert.deepStrictEqual(result.robustness, { consensus: "C", blockMargin: { A: 4, B: 4 }, ballotsToChange: 2, exact: false });
    assert.equal(analyzeResults(result).lowerBound, 1);
    assert.match(result.explanation!.en, /at most 2 ballots changed/);
  });

  test("a blocked rendering that beats the consensus: unblocking it takes its lift", () => {
    // A (5): X excellent, C good. B (5): 4 × X poor, C good; 1 × both good.
    // d[X][C] = 5 > d[C][X] = 4: X beats C, ranks first, blocked by B (poor ×4, good ×1:
    // below 4, lower median index 2: 4 - 2 = 2 ballots to raise). C's margins: 5 - 2 = 3 each.
    const input = election(["C", "X"], [
      ...times(5, "A", { C: "good", X: "excellent" }),
      ...times(4, "B", { C: "good", X: "poor" }),
      ballot("B", { C: "good", X: "good" }),
    ]);
    const result = tally(input);
    assert.deepStrictEqual(result.ranking, ["X", "C"]);
    assert.deepStrictEqual(result.robustness, { consensus: "C", blockMargin: { A: 3, B: 3 }, ballotsToChange: 2, exact: true });
    assert.deepStrictEqual(analyzeResults(result).witness, { kind: "overtake", rendering: "X", lift: { A: 0, B: 2 }, swaps: 0 });
    assert.equal(tally(applyWitness(input, result)).consensus, "X");
    assert.equal(fewestByBruteForce(input, 1), null);
  });

  test("no consensus: per blocking delegation of the leader, the ballots that would have to rise", () => {
    // Leader L: A good ×3; B poor ×3 (below 3, index 1: 2 to raise). Q is graded by A only.
    const input = election(["L", "Q"], [
      ...times(3, "A", { L: "good", Q: "acceptable" }),
      ...times(3, "B", { L: "poor" }),
    ]);
    const result = tally(input);
    assert.equal(result.consensus, null);
    assert.deepStrictEqual(result.renderings.Q!.notYetGradedBy, ["B"]);
    assert.deepStrictEqual(result.renderings.Q!.blockedBy, []);
    // Q needs one B voter to grade it: 1 ballot makes a consensus exist.
    assert.deepStrictEqual(result.robustness, { consensus: null, blockMargin: { B: 2 }, ballotsToChange: 1, exact: true });
    assert.match(result.explanation!.en, /Q is|Nearest to a consensus is Q: 1 ballot changed/);
    assert.match(result.explanation!.zh, /B代表团须有 2 张选票提高到“可接受”/);
    assert.notEqual(tally(applyWitness(input, result)).consensus, null);
  });

  test("majority judgment and Schulze disagreeing about the leader is said in both languages", () => {
    // M has the higher median (good vs acceptable) but S wins the pair 3 : 2.
    const input = election(["S", "M"], [
      ...times(3, "A", { S: "acceptable", M: "poor" }),
      ...times(2, "A", { S: "good", M: "excellent" }),
      ...times(2, "A", { M: "good" }),
    ]);
    const result = tally(input);
    assert.equal(result.ranking[0], "S");
    assert.equal(result.renderings.M!.median, "good");
    assert.match(result.explanation!.en, /By median grade alone M would lead \(median good\); the Schulze ranking puts S first/);
    assert.match(result.explanation!.zh, /若只看中位评分，领先的是“M”（中位评分：好）；舒尔策排名把“S”排在第一/);
  });
});

// ---- properties ----

/** Two delegations and grades leaning high, so that consensus (and its near misses) are common. */
const leaningHigh = fc.constantFrom<Grade | undefined>(undefined, "reject", "poor", "acceptable", "acceptable", "good", "good", "very_good", "excellent");

function electionArb({ maxRenderings, maxBallots, minBallots = 0 }: { maxRenderings: number; maxBallots: number; minBallots?: number }): fc.Arbitrary<BallotExport> {
  return fc.integer({ min: 1, max: maxRenderings }).chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `r${i}`);
    return fc
      .record({
        order: fc.shuffledSubarray(ids, { minLength: n, maxLength: n }),
        ballots: fc.array(
          fc.record({ delegation: fc.constantFrom("Canada", "China"), grades: fc.array(leaningHigh, { minLength: n, maxLength: n }) }),
          { minLength: minBallots, maxLength: maxBallots },
        ),
      })
      .map(({ order, ballots }) => ({
        term: "t",
        renderings: order.map((id, i) => ({ id, text: id, createdAt: `2026-01-0${(i % 3) + 1}T00:00:00Z` })),
        ballots: ballots.map((b, v) => ({
          voter: `v${v}`,
          delegation: b.delegation,
          grades: Object.fromEntries(ids.flatMap((id, i) => (b.grades[i] ? [[id, b.grades[i]]] : []))) as Grades,
        })),
      }));
  });
}

describe("robustness, properties", () => {
  test("never more than a block margin; exact block margins; the bounds are in order", () => {
    fc.assert(
      fc.property(electionArb({ maxRenderings: 5, maxBallots: 20 }), (input) => {
        const result = tally(input);
        const { robustness } = result;
        const { lowerBound } = analyzeResults(result);
        if (result.consensus === null) {
          assert.equal(robustness!.consensus, null);
          return;
        }
        const margins = Object.values(robustness!.blockMargin);
        assert.deepStrictEqual(Object.keys(robustness!.blockMargin), result.delegations);
        assert.ok(robustness!.ballotsToChange! >= 1 && robustness!.ballotsToChange! <= Math.min(...margins));
        assert.ok(lowerBound! <= robustness!.ballotsToChange!);
        assert.equal(robustness!.exact, lowerBound === robustness!.ballotsToChange);
        // Lowering the consensus in blockMargin[D] of D's acceptable ballots blocks it; one fewer does not.
        for (const [delegation, margin] of Object.entries(robustness!.blockMargin)) {
          const lowered = (count: number) => tally(lowerIn(input, result.consensus!, delegation, count)).renderings[result.consensus!]!;
          assert.ok(lowered(margin).blockedBy.some((b) => b.delegation === delegation), `${margin} ballots of ${delegation} block it`);
          assert.ok(!lowered(margin - 1).blockedBy.some((b) => b.delegation === delegation), `${margin - 1} do not`);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("changing that many ballots in the described way changes the consensus", () => {
    fc.assert(
      fc.property(electionArb({ maxRenderings: 5, maxBallots: 20 }), (input) => {
        const result = tally(input);
        const { ballotsToChange } = result.robustness!;
        if (ballotsToChange === null) return;
        const changed = applyWitness(input, result);
        const differing = input.ballots.filter((b, i) => JSON.stringify(b) !== JSON.stringify(changed.ballots[i])).length;
        // At most: more ballots than guaranteed may turn out to be swaps as well.
        assert.ok(differing <= ballotsToChange, "the witness changes at most ballotsToChange ballots");
        assert.notEqual(tally(changed).consensus, result.consensus);
      }),
      { numRuns: 300 },
    );
  });

  test("no change of fewer ballots than the lower bound alters the consensus, so exact means exact (brute force)", () => {
    let searched = 0;
    fc.assert(
      fc.property(fc.oneof(electionArb({ maxRenderings: 3, maxBallots: 7 }), electionArb({ maxRenderings: 2, maxBallots: 12, minBallots: 5 })), (input) => {
        const result = tally(input);
        const { lowerBound } = analyzeResults(result);
        if (lowerBound === null || lowerBound < 2) return; // 1 is a lower bound of any change
        const j = lowerBound - 1;
        // Keep the search small: C(V, j) × 7^(renderings × j) tallies.
        if (binomial(input.ballots.length, j) * 7 ** (input.renderings.length * j) > 40_000) return;
        const found = fewestByBruteForce(input, j);
        assert.equal(found, null, `a change of ${j} ballot(s) alters the consensus: ${JSON.stringify(found)}`);
        searched++;
      }),
      { numRuns: 400 },
    );
    assert.ok(searched >= 20, `only ${searched} electorates were small enough to search`);
  });

  test("results from maintained cells carry the same robustness and explanation as a recount", () => {
    fc.assert(
      fc.property(electionArb({ maxRenderings: 5, maxBallots: 20 }), (input) => {
        const fromCells = resultsFromCells(input.term, input.renderings, cellsOf(input.ballots, new Set(input.renderings.map((r) => r.id))));
        assert.deepStrictEqual(fromCells, tally(input));
      }),
      { numRuns: 150 },
    );
  });
});

// ---- helpers ----

/** The ballots with `consensus` lowered to poor in the first `count` of `delegation`'s ballots grading it acceptable or better. */
function lowerIn(input: BallotExport, consensus: string, delegation: string, count: number): BallotExport {
  let left = count;
  return {
    ...input,
    ballots: input.ballots.map((b) => {
      if (left === 0 || b.delegation !== delegation || rank(b.grades[consensus]) < OK) return b;
      left--;
      return { ...b, grades: { ...b.grades, [consensus]: "poor" } };
    }),
  };
}

/** Carries out the change `analyzeResults` describes (see `Witness`), on the ballots. */
function applyWitness(input: BallotExport, result: Results): BallotExport {
  const { witness } = analyzeResults(result);
  const { ballotsToChange, consensus } = result.robustness!;
  assert.ok(witness && ballotsToChange !== null);
  const active = new Set(input.renderings.map((r) => r.id));
  const isVoter = (b: ExportedBallot) => Object.keys(b.grades).some((id) => active.has(id));
  const ballots = input.ballots.map((b) => ({ ...b, grades: { ...b.grades } }));
  const w: Witness = witness;
  if (w.kind === "block") return lowerIn(input, consensus!, w.delegation, ballotsToChange);
  const x = w.rendering;
  const swap = (b: ExportedBallot) => {
    const above = rank(b.grades[consensus!]) > rank(b.grades[x]) && b.grades[x] !== undefined;
    b.grades[x] = "excellent";
    if (above) b.grades[consensus!] = "reject";
    return above;
  };
  const changed = new Set<ExportedBallot>();
  let swaps = 0;
  // Raise the rendering where delegations keep it from qualifying (under "overtake", first in
  // ballots that grade the consensus acceptable or better: those are swaps as well).
  for (const delegation of result.delegations) {
    const need = w.kind === "qualify" ? liftOf(result, x, delegation) : w.lift[delegation]!;
    const own = ballots.filter((b) => b.delegation === delegation && isVoter(b));
    const graders = own.filter((b) => b.grades[x] !== undefined);
    const low = graders
      .filter((b) => rank(b.grades[x]) < OK)
      .sort((a, b) => Number(rank(b.grades[consensus ?? ""]) >= OK) - Number(rank(a.grades[consensus ?? ""]) >= OK));
    for (const b of (graders.length === 0 ? own : low).slice(0, need)) {
      changed.add(b);
      if (w.kind === "qualify") b.grades[x] = "excellent";
      else if (swap(b)) swaps++;
    }
  }
  if (w.kind === "overtake")
    for (const b of ballots)
      if (swaps < w.swaps && !changed.has(b) && rank(b.grades[consensus!]) > rank(b.grades[x]) && b.grades[x] !== undefined) {
        swap(b);
        changed.add(b);
        swaps++;
      }
  if (w.kind === "overtake") assert.ok(swaps >= w.swaps, "enough ballots to swap");
  return { ...input, ballots };
}

function liftOf(result: Results, x: string, delegation: string): number {
  const profile = result.renderings[x]!.profileByDelegation[delegation]!;
  const n = GRADES.reduce((s, g) => s + profile[g], 0);
  const below = profile.reject + profile.poor;
  return n === 0 ? 1 : Math.max(0, below - Math.floor((n - 1) / 2));
}

/**
 * A change of exactly `j` counted ballots (each replaced by any grades over the renderings, 7
 * choices per rendering: a grade or none) after which the consensus differs, or null if there
 * is none. Ballots that grade no active rendering are not counted, and new ballots are outside
 * the measure (a delegation that has not voted could block anything with its first ballot).
 */
function fewestByBruteForce(input: BallotExport, j: number): { voters: string[]; grades: Grades[] } | null {
  const before = tally(input).consensus;
  const ids = input.renderings.map((r) => r.id);
  const choices: (Grade | undefined)[] = [undefined, ...GRADES];
  const all: Grades[] = [];
  for (let code = 0; code < 7 ** ids.length; code++) {
    const grades: Grades = {};
    let c = code;
    for (const id of ids) {
      const g = choices[c % 7];
      c = Math.floor(c / 7);
      if (g) grades[id] = g;
    }
    all.push(grades);
  }
  const active = new Set(ids);
  const counted = input.ballots.flatMap((b, i) => (Object.keys(b.grades).some((id) => active.has(id)) ? [i] : []));
  for (const pick of combinations(counted.length, j)) {
    const chosen = pick.map((k) => counted[k]!);
    const found = replace(chosen, 0, input.ballots.map((b) => b));
    if (found) return found;
  }
  return null;

  function replace(chosen: number[], at: number, ballots: ExportedBallot[]): { voters: string[]; grades: Grades[] } | null {
    if (at === chosen.length) return tally({ ...input, ballots }).consensus !== before ? { voters: chosen.map((i) => ballots[i]!.voter), grades: chosen.map((i) => ballots[i]!.grades) } : null;
    const i = chosen[at]!;
    for (const grades of all) {
      const next = [...ballots];
      next[i] = { ...ballots[i]!, grades };
      const found = replace(chosen, at + 1, next);
      if (found) return found;
    }
    return null;
  }
}

function* combinations(n: number, k: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = start; i < n; i++) yield* combinations(n, k, i + 1, [...prefix, i]);
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 0; i < k; i++) r = (r * (n - i)) / (i + 1);
  return r;
}

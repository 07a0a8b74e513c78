import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Grade } from "./grades";
import type { BallotExport, ExportedBallot } from "./schema";
import { tally } from "./tally";

// Every expected value below was worked out by hand from the ballots, not read off tally().

type Grades = Record<string, Grade>;

/** Renderings created one day apart, in the order given, unless a time is given. */
function renderings(...specs: Array<string | [id: string, createdAt: string]>): BallotExport["renderings"] {
  return specs.map((spec, i) => {
    const [id, createdAt] = typeof spec === "string" ? [spec, `2026-01-${String(i + 1).padStart(2, "0")}T00:00:00Z`] : spec;
    return { id, text: `text of ${id}`, createdAt };
  });
}

let voterSeq = 0;
function ballot(delegation: string, grades: Grades, reasons?: Record<string, string>): ExportedBallot {
  return { voter: `v${++voterSeq}`, delegation, grades, ...(reasons ? { reasons } : {}) };
}

function times(count: number, delegation: string, grades: Grades): ExportedBallot[] {
  return Array.from({ length: count }, () => ballot(delegation, grades));
}

function run(rs: BallotExport["renderings"], ballots: ExportedBallot[]) {
  return tally({ term: "t", renderings: rs, ballots });
}

const zero = { excellent: 0, very_good: 0, good: 0, acceptable: 0, poor: 0, reject: 0 };
const profile = (counts: Partial<typeof zero>) => ({ ...zero, ...counts });

describe("tally", () => {
  test("a Condorcet winner ranks first and wins; the whole result, key by key", () => {
    // c beats a 2:1 and b 3:0; a beats b 3:0. No cycle, so the strongest paths are the
    // direct links, except c→b which is also max(3, min(c→a 2, a→b 3)) = 3.
    const result = run(renderings("a", "b", "c"), [
      ballot("Canada", { a: "good", b: "poor", c: "excellent" }),
      ballot("China", { a: "very_good", b: "good", c: "excellent" }),
      ballot("China", { a: "excellent", b: "good", c: "very_good" }),
    ]);
    const noReasons = { Canada: [], China: [] };
    assert.deepStrictEqual(result, {
      term: "t",
      voters: 3,
      delegations: ["Canada", "China"],
      votersByDelegation: { Canada: 1, China: 2 },
      ranking: ["c", "a", "b"],
      consensus: "c",
      renderings: {
        a: {
          text: "text of a",
          median: "very_good", // good, very_good, excellent
          medianByDelegation: { Canada: "good", China: "very_good" }, // China: lower of very_good, excellent
          profile: profile({ good: 1, very_good: 1, excellent: 1 }),
          profileByDelegation: { Canada: profile({ good: 1 }), China: profile({ very_good: 1, excellent: 1 }) },
          graders: 3,
          wins: 1,
          qualifies: true,
          blockedBy: [],
          notYetGradedBy: [],
          rejectReasons: noReasons,
        },
        b: {
          text: "text of b",
          median: "good", // poor, good, good
          medianByDelegation: { Canada: "poor", China: "good" },
          profile: profile({ poor: 1, good: 2 }),
          profileByDelegation: { Canada: profile({ poor: 1 }), China: profile({ good: 2 }) },
          graders: 3,
          wins: 0,
          qualifies: false,
          blockedBy: [{ delegation: "Canada", median: "poor", reasons: [] }],
          notYetGradedBy: [],
          rejectReasons: noReasons,
        },
        c: {
          text: "text of c",
          median: "excellent", // very_good, excellent, excellent
          medianByDelegation: { Canada: "excellent", China: "very_good" },
          profile: profile({ very_good: 1, excellent: 2 }),
          profileByDelegation: { Canada: profile({ excellent: 1 }), China: profile({ very_good: 1, excellent: 1 }) },
          graders: 3,
          wins: 2,
          qualifies: true,
          blockedBy: [],
          notYetGradedBy: [],
          rejectReasons: noReasons,
        },
      },
      pairwise: { a: { b: 3, c: 1 }, b: { a: 0, c: 0 }, c: { a: 2, b: 3 } },
      strongestPaths: { a: { b: 3, c: 0 }, b: { a: 0, c: 0 }, c: { a: 2, b: 3 } },
      // Canada: 1 grader, 1 acceptable or better: 1 - floor(1/2) = 1; China: 2 - floor(2/2) = 1.
      robustness: { consensus: "c", blockMargin: { Canada: 1, China: 1 }, ballotsToChange: 1, exact: true },
      explanation: {
        en: "The consensus is text of c: the highest-ranked rendering that every delegation finds acceptable or better. 1 ballot of the Canada delegation would have to change for text of c to stop being acceptable to it, and no change of fewer ballots would alter the consensus.",
        zh: "共识是“text of c”：每个代表团都认为可接受或更好的译名中排名最高的一个。Canada代表团须有 1 张选票改变，“text of c”才会不再为其所接受；改变更少的选票不会改变共识。",
      },
    });
    assert.deepStrictEqual(Object.keys(result), [
      "term", "voters", "delegations", "votersByDelegation", "ranking", "consensus", "renderings", "pairwise", "strongestPaths", "robustness", "explanation",
    ]);
  });

  test("a Condorcet cycle is resolved by the strongest paths", () => {
    // 4 × A>B>C (Canada), 3 × B>C>A and 2 × C>A>B (China):
    //   d[A][B] = 4+2 = 6 vs d[B][A] = 3     → link A→B 6
    //   d[B][C] = 4+3 = 7 vs d[C][B] = 2     → link B→C 7
    //   d[C][A] = 3+2 = 5 vs d[A][C] = 4     → link C→A 5   (a cycle A>B>C>A)
    // Strongest paths:
    //   P[A][B] = 6            P[B][A] = min(B→C 7, C→A 5) = 5   → A beats B
    //   P[A][C] = min(6, 7) = 6 P[C][A] = 5                        → A beats C
    //   P[B][C] = 7            P[C][B] = min(C→A 5, A→B 6) = 5   → B beats C
    // All three medians are "good", and C was created first, B second: only the
    // Schulze relation can put A first.
    const result = run(renderings("C", "B", "A"), [
      ...times(4, "Canada", { A: "excellent", B: "good", C: "poor" }),
      ...times(3, "China", { B: "excellent", C: "good", A: "poor" }),
      ...times(2, "China", { C: "excellent", A: "good", B: "poor" }),
    ]);
    assert.deepStrictEqual(result.pairwise, {
      C: { B: 2, A: 5 },
      B: { C: 7, A: 3 },
      A: { C: 4, B: 6 },
    });
    assert.deepStrictEqual(result.strongestPaths, {
      C: { B: 5, A: 5 },
      B: { C: 7, A: 5 },
      A: { C: 6, B: 6 },
    });
    assert.deepStrictEqual(result.ranking, ["A", "B", "C"]);
    assert.deepStrictEqual(
      ["A", "B", "C"].map((id) => [result.renderings[id]?.wins, result.renderings[id]?.median]),
      [[2, "good"], [1, "good"], [0, "good"]],
    );
    // China's grades for A: poor ×3, good ×2 → median poor, so A is blocked; B's China
    // median is excellent (poor ×2, excellent ×3) and Canada's is good.
    assert.deepStrictEqual(result.renderings.A?.blockedBy, [{ delegation: "China", median: "poor", reasons: [] }]);
    assert.equal(result.consensus, "B");
  });

  test("wins come before the median in the ranking", () => {
    // x beats y 1:0, though y's median (poor, excellent, excellent → excellent) is higher
    // than x's (good) and y is older.
    const result = run(renderings("y", "x"), [
      ballot("Canada", { x: "good", y: "poor" }),
      ballot("Canada", { y: "excellent" }),
      ballot("Canada", { y: "excellent" }),
    ]);
    assert.deepStrictEqual(result.ranking, ["x", "y"]);
    assert.equal(result.renderings.y?.median, "excellent");
  });

  test("equal wins are ordered by median, then createdAt as an instant, then id in code-unit order", () => {
    // One grade per ballot, so no pair is compared and every rendering has 0 wins.
    const result = run(
      renderings(
        ["alpha", "2026-01-03T00:00:00Z"],
        ["best", "2026-01-05T00:00:00Z"],
        ["none", "2026-01-01T00:00:00Z"],
        // 2026-01-02T22:00Z: earlier than alpha although its text sorts after alpha's.
        ["early", "2026-01-03T06:00:00+08:00"],
        ["Zeta", "2026-01-03T00:00:00Z"],
      ),
      [
        ballot("Canada", { alpha: "good" }),
        ballot("Canada", { best: "excellent" }),
        ballot("Canada", { early: "good" }),
        ballot("Canada", { Zeta: "good" }),
      ],
    );
    // best: highest median; none: no median, last; early before the two created at the
    // same instant; "Zeta" before "alpha" because "Z" (U+005A) < "a" (U+0061).
    assert.deepStrictEqual(result.ranking, ["best", "early", "Zeta", "alpha", "none"]);
    assert.ok(Object.values(result.renderings).every((r) => r.wins === 0));
  });

  test("a rendering favoured overall but rejected by one delegation yields to the next that qualifies", () => {
    const reason = "共生 reads as biological symbiosis, not a security order";
    const result = run(renderings("favoured", "second"), [
      ...times(3, "China", { favoured: "excellent", second: "good" }),
      ballot("Canada", { favoured: "reject", second: "good" }, { favoured: reason }),
    ]);
    // favoured beats second 3:1 and its overall median (reject, excellent ×3) is excellent.
    assert.deepStrictEqual(result.ranking, ["favoured", "second"]);
    assert.equal(result.renderings.favoured?.median, "excellent");
    assert.equal(result.renderings.favoured?.qualifies, false);
    assert.deepStrictEqual(result.renderings.favoured?.blockedBy, [
      { delegation: "Canada", median: "reject", reasons: [{ text: reason, voters: 1 }] },
    ]);
    assert.equal(result.consensus, "second");
  });

  test("no consensus: each rendering names the delegation that blocks it and its reject reasons", () => {
    const result = run(renderings("F", "S", "U"), [
      ballot("China", { F: "excellent", S: "reject", U: "excellent" }, { S: "共商 names a procedure, not an order" }),
      ballot("China", { F: "excellent", S: "poor", U: "very_good" }),
      ballot("Canada", { F: "reject", S: "excellent" }, { F: "too close to biology" }),
      // A reason beside a grade other than reject is not a reject reason.
      ballot("Canada", { F: "poor", S: "very_good" }, { F: "not my favourite" }),
    ]);
    // d[F][S] = 2 = d[S][F] (no link); d[F][U] = 1 vs 0; d[U][S] = 2 vs 0. Paths:
    // F→U 1, F→U→S min(1, 2) = 1, U→S 2; nothing reaches F or back: ranking F, U, S.
    assert.deepStrictEqual(result.ranking, ["F", "U", "S"]);
    assert.equal(result.consensus, null);
    const blocks = Object.fromEntries(Object.entries(result.renderings).map(([id, r]) => [id, r.blockedBy]));
    assert.deepStrictEqual(blocks, {
      F: [{ delegation: "Canada", median: "reject", reasons: [{ text: "too close to biology", voters: 1 }] }], // reject, poor
      S: [{ delegation: "China", median: "reject", reasons: [{ text: "共商 names a procedure, not an order", voters: 1 }] }],
      U: [], // Canada never graded U: not a block, but not yet graded
    });
    assert.deepStrictEqual(result.renderings.U?.notYetGradedBy, ["Canada"]);
    assert.equal(result.renderings.U?.qualifies, false);
    assert.deepStrictEqual(result.renderings.F?.rejectReasons, { Canada: [{ text: "too close to biology", voters: 1 }], China: [] });
    // What it would take: the leader F needs both of Canada's ballots (reject, poor) raised
    // (n = 2, none acceptable, lower median index 0: 2 - 0); S needs both of China's; U needs
    // one Canadian to grade it: the fewest changes that make a consensus exist is 1.
    assert.deepStrictEqual(result.robustness, { consensus: null, blockMargin: { Canada: 2 }, ballotsToChange: 1, exact: true });
    assert.match(result.explanation!.en, /^There is no consensus yet.*The leader, text of F, is blocked by Canada \(median reject; “too close to biology”\)\. For it to qualify, 2 ballots of the Canada delegation would have to rise to acceptable\. Nearest to a consensus is text of U: 1 ballot changed/);
    assert.match(result.explanation!.zh, /排名第一的是“text of F”，被Canada（中位评分：不可接受；“too close to biology”）否决。/);
  });

  test("an even number of grades takes the lower median", () => {
    const result = run(renderings("a", "b"), [
      ballot("Canada", { a: "poor", b: "acceptable" }),
      ballot("China", { a: "good", b: "good" }),
      ballot("Canada", { b: "very_good" }),
      ballot("China", { b: "excellent" }),
    ]);
    assert.equal(result.renderings.a?.median, "poor"); // poor, good
    assert.equal(result.renderings.b?.median, "good"); // acceptable, good, very_good, excellent
    assert.deepStrictEqual(result.renderings.b?.medianByDelegation, { Canada: "acceptable", China: "good" });
  });

  test("a rendering nobody graded has no median, no wins, zero counts, and ranks after graded ones", () => {
    const result = run(renderings("ungraded", "a"), [ballot("Canada", { a: "poor" })]);
    assert.deepStrictEqual(result.ranking, ["a", "ungraded"]);
    assert.deepStrictEqual(result.renderings.ungraded, {
      text: "text of ungraded",
      median: null,
      medianByDelegation: { Canada: null },
      profile: zero,
      profileByDelegation: { Canada: zero },
      graders: 0,
      wins: 0,
      qualifies: false,
      blockedBy: [],
      notYetGradedBy: ["Canada"],
      rejectReasons: { Canada: [] },
    });
    assert.deepStrictEqual(result.pairwise, { ungraded: { a: 0 }, a: { ungraded: 0 } });
  });

  test("grades for rendering ids that are not active are ignored", () => {
    const rs = renderings("a", "b");
    const withGhost = run(rs, [
      { voter: "v1", delegation: "Canada", grades: { a: "good", ghost: "excellent", b: "poor" } },
      { voter: "v2", delegation: "China", grades: { ghost: "reject", b: "good" }, reasons: { ghost: "merged away" } },
    ]);
    const without = run(rs, [
      { voter: "v1", delegation: "Canada", grades: { a: "good", b: "poor" } },
      { voter: "v2", delegation: "China", grades: { b: "good" } },
    ]);
    assert.deepStrictEqual(withGhost, without);
    assert.deepStrictEqual(Object.keys(withGhost.pairwise), ["a", "b"]);
  });

  test("a single voter decides the ranking, and one delegation is enough to agree", () => {
    const result = run(renderings("a", "b", "c"), [
      ballot("Canada", { c: "excellent", b: "good", a: "reject" }, { a: "misleading" }),
    ]);
    assert.equal(result.voters, 1);
    assert.deepStrictEqual(result.ranking, ["c", "b", "a"]);
    assert.deepStrictEqual(["a", "b", "c"].map((id) => result.renderings[id]?.wins), [0, 1, 2]);
    assert.equal(result.consensus, "c");
    assert.deepStrictEqual(result.renderings.a?.blockedBy, [{ delegation: "Canada", median: "reject", reasons: [{ text: "misleading", voters: 1 }] }]);
  });

  test("with no ballots the ranking follows createdAt and there is no consensus", () => {
    const result = run(renderings(["b", "2026-01-02T00:00:00Z"], ["a", "2026-01-03T00:00:00Z"], ["c", "2026-01-01T00:00:00Z"]), []);
    assert.equal(result.voters, 0);
    assert.deepStrictEqual(result.delegations, []);
    assert.deepStrictEqual(result.ranking, ["c", "b", "a"]);
    assert.equal(result.consensus, null);
    for (const r of Object.values(result.renderings)) {
      assert.deepStrictEqual(
        [r.median, r.medianByDelegation, r.graders, r.wins, r.qualifies, r.blockedBy, r.notYetGradedBy],
        [null, {}, 0, 0, false, [], []],
      );
    }
    assert.deepStrictEqual(result.robustness, { consensus: null, blockMargin: {}, ballotsToChange: null, exact: true });
    assert.equal(result.explanation?.en, "Nobody has graded these renderings yet, so there is no consensus.");
    assert.deepStrictEqual(result.pairwise, { b: { a: 0, c: 0 }, a: { b: 0, c: 0 }, c: { b: 0, a: 0 } });
  });

  test("no renderings at all", () => {
    const result = run([], [ballot("Canada", { gone: "good" })]);
    assert.deepStrictEqual(
      [result.voters, result.ranking, result.consensus, result.renderings, result.pairwise],
      [0, [], null, {}, {}],
    );
  });

  test("a ballot with no grade on an active rendering counts as no ballot", () => {
    const result = run(renderings("a"), [
      ballot("Canada", { ghost: "excellent" }),
      ballot("Mexico", {}),
      ballot("China", { a: "acceptable" }),
    ]);
    assert.equal(result.voters, 1);
    assert.deepStrictEqual(result.delegations, ["China"]);
    // Canada did not take part, so it cannot block: China alone decides.
    assert.deepStrictEqual(result.renderings.a?.medianByDelegation, { China: "acceptable" });
    assert.equal(result.consensus, "a");
  });

  test("two renderings with one id are refused", () => {
    assert.throws(() => run(renderings("a", "a"), []), RangeError);
  });

  test("known limit of Schulze: a new ballot with X on top can cost X a win and a place", () => {
    // Schulze fails the participation criterion (as every Condorcet method does with four
    // or more candidates), which is why the property test adds only ballots that grade X
    // excellent and everything else reject. Ballots grading one pair each give the links
    //   Y→Z 3, Z→X 10, X→W 10, W→Y 4 (vs 3), Y→X 3 (vs 1); no Y→W link.
    // Strongest paths before:
    //   X: W 10, Y min(10,4) = 4, Z min(10,4,3) = 3     Y: Z 3, X 3, W min(3,10) = 3
    //   Z: X 10, W 10, Y min(10,10,4) = 4               W: Y 4, Z 3, X 3
    //   → Z beats X, Y, W; X beats Y (4 > 3), W; W beats Y. Ranking Z, X, W, Y.
    // The new ballot X > Y > Z > W also adds one to d[Y][Z], d[Y][W] and d[Z][W]: W→Y
    // becomes a 4:4 tie and disappears, Y→Z grows to 4, Z→W 1 appears. After:
    //   X: W 11, nothing else reachable                 Y: Z 4, X min(4,10) = 4, W min(4,10,11) = 4
    //   Z: X 10, W 10, Y 0                               W: nothing reachable
    //   → Y beats all three; Z beats X, W; X beats W. Ranking Y, Z, X, W.
    const rs = renderings("X", "Y", "Z", "W");
    const before = [
      ...times(3, "China", { Y: "good", Z: "poor" }),
      ...times(10, "China", { Z: "good", X: "poor" }),
      ...times(10, "China", { X: "good", W: "poor" }),
      ...times(4, "China", { W: "good", Y: "poor" }),
      ...times(3, "China", { Y: "good", W: "poor" }),
      ...times(3, "China", { Y: "good", X: "poor" }),
      ...times(1, "China", { X: "good", Y: "poor" }),
    ];
    const b = run(rs, before);
    assert.deepStrictEqual(b.strongestPaths, {
      X: { Y: 4, Z: 3, W: 10 },
      Y: { X: 3, Z: 3, W: 3 },
      Z: { X: 10, Y: 4, W: 10 },
      W: { X: 3, Y: 4, Z: 3 },
    });
    assert.deepStrictEqual([b.ranking, b.renderings.X?.wins], [["Z", "X", "W", "Y"], 2]);
    const a = run(rs, [...before, ballot("China", { X: "excellent", Y: "very_good", Z: "good", W: "acceptable" })]);
    assert.deepStrictEqual(a.strongestPaths, {
      X: { Y: 0, Z: 0, W: 11 },
      Y: { X: 4, Z: 4, W: 4 },
      Z: { X: 10, Y: 0, W: 10 },
      W: { X: 0, Y: 0, Z: 0 },
    });
    assert.deepStrictEqual([a.ranking, a.renderings.X?.wins], [["Y", "Z", "X", "W"], 1]);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { GRADES, type Grade } from "./grades";
import { tally } from "./tally";
import { ballotDelta, cellsOf, resultsFromCells, sumCells, type Cell, type TalliedBallot } from "./cells";

// The maintained cells against the oracle, a full recount by tally(): after any sequence of
// ballots, revisions (also changing delegation), withdrawn ballots and changes of the active
// renderings (a merge, hide or withdrawal rebuilds), the results from the cells are the
// recount's, exactly. Small elections, so that ties, cycles and repeats turn up.

const IDS = ["r0", "r1", "r2", "__proto__", "多元共存"];
const DELEGATIONS = ["Canada", "China", "Mexico"];
const REASONS = ["too literal", "  ", "歧义", "too literal", " padded "];
const TIMES = ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"];

type Op =
  | { kind: "vote"; voter: number; delegation: string; grades: (Grade | undefined)[]; reasons: string[] }
  | { kind: "remove"; voter: number }
  | { kind: "deactivate"; id: number }
  | { kind: "activate"; id: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    kind: fc.constant("vote" as const),
    voter: fc.integer({ min: 0, max: 7 }),
    delegation: fc.constantFrom(...DELEGATIONS),
    grades: fc.array(fc.option(fc.constantFrom(...GRADES), { nil: undefined }), { minLength: IDS.length, maxLength: IDS.length }),
    reasons: fc.array(fc.constantFrom(...REASONS), { minLength: IDS.length, maxLength: IDS.length }),
  }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), voter: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deactivate" as const), id: fc.integer({ min: 0, max: IDS.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("activate" as const), id: fc.integer({ min: 0, max: IDS.length - 1 }) }) },
);

function ballotOf(op: Extract<Op, { kind: "vote" }>): TalliedBallot {
  const grades: Record<string, Grade> = {};
  const reasons: Record<string, string> = {};
  IDS.forEach((id, i) => {
    const g = op.grades[i];
    if (g === undefined) return;
    grades[id] = g;
    reasons[id] = op.reasons[i]!; // a reason on a non-reject grade must not count
  });
  return { delegation: op.delegation, grades, reasons };
}

const sorted = (cells: Cell[]) => [...cells].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

describe("maintained tally cells", () => {
  it("after any sequence of changes, the results from the cells equal a recount", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.array(fc.constantFrom(...TIMES), { minLength: IDS.length, maxLength: IDS.length }), (ops, times) => {
        const ballots = new Map<number, TalliedBallot>();
        const active = new Set(IDS.slice(0, 3));
        let cells: Cell[] = [];
        for (const op of ops) {
          if (op.kind === "vote" || op.kind === "remove") {
            const before = ballots.get(op.voter) ?? null;
            const after = op.kind === "vote" ? ballotOf(op) : null;
            if (after) ballots.set(op.voter, after);
            else ballots.delete(op.voter);
            cells = sumCells(cells, ballotDelta(before, after, active));
          } else {
            if (op.kind === "deactivate") active.delete(IDS[op.id]!);
            else active.add(IDS[op.id]!);
            cells = cellsOf([...ballots.values()], active); // the rare change rebuilds
          }
        }
        assert.deepStrictEqual(sorted(cells), sorted(cellsOf([...ballots.values()], active)), "maintained cells = rebuilt cells");
        const renderings = IDS.filter((id) => active.has(id)).map((id) => ({ id, text: id, createdAt: times[IDS.indexOf(id)]! }));
        const recount = tally({
          term: "t",
          renderings,
          ballots: [...ballots.entries()].map(([v, b]) => ({ voter: `v${v}`, ...b })),
        });
        assert.deepStrictEqual(resultsFromCells("t", renderings, cells), recount);
      }),
      { numRuns: 300 },
    );
  });

  it("a revision touches only the cells that change, O(k²) for k graded renderings", () => {
    const active = new Set(["a", "b", "c"]);
    const before: TalliedBallot = { delegation: "China", grades: { a: "good", b: "poor", c: "reject" }, reasons: { c: "歧义" } };
    const after: TalliedBallot = { delegation: "China", grades: { a: "good", b: "excellent", c: "reject" }, reasons: { c: "歧义" } };
    const delta = sorted(ballotDelta(before, after, active));
    assert.deepStrictEqual(delta, sorted([
      { kind: "profile", delegation: "China", a: "b", b: "poor", n: -1 },
      { kind: "profile", delegation: "China", a: "b", b: "excellent", n: 1 },
      { kind: "pair", delegation: "", a: "a", b: "b", n: -1 },
      { kind: "pair", delegation: "", a: "b", b: "a", n: 1 },
    ]));
    assert.deepStrictEqual(ballotDelta(before, before, active), [], "saving the same ballot changes nothing");
    assert.equal(cellsOf([{ delegation: "China", grades: { z: "good" } }], active).length, 0, "a ballot without active grades is no voter");
  });

  it("refuses cells that went negative (a lost update) rather than reporting them", () => {
    assert.throws(() => resultsFromCells("t", [{ id: "a", text: "a", createdAt: TIMES[0]! }], [{ kind: "profile", delegation: "China", a: "a", b: "good", n: -1 }]), /negative/);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { GRADES } from "./grades";
import { ballotDelta, cellsOf, sumCells, type Cell, type TalliedBallot } from "./cells";
import { addCounts, packCells, parseCounts, unpackCells, type PackedRow } from "./packing";

// The packed storage of the cells: what is packed unpacks to the same cells, and adding packed
// deltas entry by entry (as the save statements do) gives the packing of the summed cells.

const IDS = ["r0", "r1", "__proto__", "多元共存"];
const ballotArb: fc.Arbitrary<TalliedBallot> = fc.record({
  delegation: fc.constantFrom("Canada", "China"),
  grades: fc.dictionary(fc.constantFrom(...IDS), fc.constantFrom(...GRADES)),
  reasons: fc.dictionary(fc.constantFrom(...IDS), fc.constantFrom("too literal", "歧义", " ")),
});
const sorted = (cells: Cell[]) => [...cells].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
const active = new Set(IDS);

/** Adds rows as the statements do: single counts to n, packed ones entry by entry. */
function addRows(stored: PackedRow[], delta: PackedRow[]): PackedRow[] {
  const key = (r: PackedRow) => [r.kind, r.delegation, r.a, r.b].join("\u0000");
  const out = new Map(stored.map((r) => [key(r), r]));
  for (const d of delta) {
    const now = out.get(key(d));
    if (!now) out.set(key(d), d);
    else if (d.counts === null) out.set(key(d), { ...now, n: now.n + d.n } as PackedRow);
    else out.set(key(d), { ...now, counts: addCounts(now.counts ?? [], d.counts) } as PackedRow);
  }
  return [...out.values()];
}

describe("packed tally cells", () => {
  it("unpack(pack(cells)) is the cells", () => {
    fc.assert(
      fc.property(fc.array(ballotArb, { maxLength: 12 }), fc.shuffledSubarray(IDS, { minLength: IDS.length, maxLength: IDS.length }), (ballots, layout) => {
        const cells = cellsOf(ballots, active);
        assert.deepStrictEqual(sorted(unpackCells(packCells(cells, layout), layout)), sorted(cells));
      }),
    );
  });

  it("adding packed deltas equals packing the summed cells, with a layout that grows meanwhile", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), ballotArb), { maxLength: 25 }), (saves) => {
        const voters = new Map<number, TalliedBallot>();
        let cells: Cell[] = [];
        let rows: PackedRow[] = [];
        const layout = ["r0", "r1"];
        const open = new Set(layout);
        saves.forEach(([voter, after], i) => {
          if (i === 5) {
            // Renderings added: the layout grows.
            for (const id of IDS.slice(2)) {
              layout.push(id);
              open.add(id);
            }
          }
          const delta = ballotDelta(voters.get(voter) ?? null, after, open);
          voters.set(voter, after);
          cells = sumCells(cells, delta);
          rows = addRows(rows, packCells(delta, layout));
        });
        assert.deepStrictEqual(sorted(unpackCells(rows, layout)), sorted(cells));
      }),
    );
  });

  it("refuses a cell outside the layout and counts longer than it", () => {
    assert.throws(() => packCells([{ kind: "pair", delegation: "", a: "r0", b: "r9", n: 1 }], ["r0"]), RangeError);
    assert.throws(() => unpackCells([{ kind: "pairs", delegation: "", a: "r0", b: "", n: 0, counts: [0, 1] }], ["r0"]), RangeError);
  });

  it("reads stored counts and nothing else", () => {
    assert.deepEqual(parseCounts(""), []);
    assert.deepEqual(parseCounts("[0,2,-1]"), [0, 2, -1]);
    assert.throws(() => parseCounts('["1"]'), TypeError);
    assert.deepEqual(addCounts([1, 2], [0, 0, 3]), [1, 2, 3]);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { GRADES, gradeRank, type Grade } from "@/lib/tally";
import { ballotContent, mergeBallot, unmergeBallot, type BallotContent } from "./ballot-grades";

const c = (grades: Record<string, Grade>, reasons: Record<string, string> = {}): BallotContent => ({ grades, reasons });

describe("merging a duplicate's grades into the survivor", () => {
  it("leaves a ballot that does not grade the duplicate alone", () => {
    assert.equal(mergeBallot("b", c({ A: "good" }), "B", "A"), null);
  });

  it("gives the survivor the higher of the two grades and removes the duplicate's", () => {
    assert.deepEqual(mergeBallot("b", c({ A: "poor", B: "very_good", C: "good" }), "B", "A")?.content, c({ A: "very_good", C: "good" }));
    assert.deepEqual(mergeBallot("b", c({ A: "excellent", B: "acceptable" }), "B", "A")?.content, c({ A: "excellent" }));
    assert.deepEqual(mergeBallot("b", c({ B: "good" }), "B", "A")?.content, c({ A: "good" }));
  });

  it("a reject keeps its written reason", () => {
    assert.deepEqual(mergeBallot("b", c({ B: "reject" }, { B: "why" }), "B", "A")?.content, c({ A: "reject" }, { A: "why" }));
    assert.deepEqual(mergeBallot("b", c({ A: "reject", B: "reject" }, { A: "mine", B: "dup" }), "B", "A")?.content, c({ A: "reject" }, { A: "mine" }));
    // The survivor's reject loses to a higher duplicate grade: the reason goes with it.
    assert.deepEqual(mergeBallot("b", c({ A: "reject", B: "good" }, { A: "mine" }), "B", "A")?.content, c({ A: "good" }));
  });

  it("undo restores the ballot exactly, unless the voter changed the survivor since", () => {
    const before = c({ A: "reject", B: "acceptable", C: "poor" }, { A: "no" });
    const merged = mergeBallot("b", before, "B", "A")!;
    assert.deepEqual(unmergeBallot(merged.content, merged.undo, "B", "A"), before);
    const changed = { ...merged.content, grades: { ...merged.content.grades, A: "excellent" as Grade } };
    assert.deepEqual(unmergeBallot(changed, merged.undo, "B", "A"), c({ A: "excellent", B: "acceptable", C: "poor" }));
  });

  it("property: the survivor's grade is the max, other renderings untouched, undo is exact", () => {
    const grade = fc.constantFrom(...GRADES);
    const maybe = fc.option(grade, { nil: undefined });
    fc.assert(
      fc.property(maybe, grade, maybe, fc.string(), (a, b, other, reason) => {
        const grades: Record<string, Grade> = { B: b };
        const reasons: Record<string, string> = {};
        if (a) grades.A = a;
        if (other) grades.C = other;
        if (a === "reject") reasons.A = `A ${reason}`;
        if (b === "reject") reasons.B = `B ${reason}`;
        const before = c(grades, reasons);
        const merged = mergeBallot("x", before, "B", "A")!;
        const expected = a && gradeRank(a) > gradeRank(b) ? a : b;
        assert.equal(merged.content.grades.A, expected);
        assert.equal(merged.content.grades.B, undefined);
        assert.equal(merged.content.grades.C, other);
        assert.equal(merged.content.reasons.A !== undefined, expected === "reject");
        assert.deepEqual(unmergeBallot(merged.content, merged.undo, "B", "A"), before);
      }),
    );
  });

  it("reads stored JSON defensively", () => {
    assert.deepEqual(ballotContent({ A: "good", B: "nope", C: 3 }, ["x"]), c({ A: "good" }));
    assert.deepEqual(ballotContent(null, null), c({}));
  });
});

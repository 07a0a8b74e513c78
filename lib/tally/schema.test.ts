import assert from "node:assert/strict";
import { test } from "node:test";
import { GRADE_LABELS, GRADES, gradeRank, isGrade } from "./grades";
import { ballotExportSchema, resultsSchema, storedResultsSchema } from "./schema";

const valid = {
  term: "cso",
  renderings: [
    { id: "r1", text: "多元共存", createdAt: "2026-01-01T00:00:00Z" },
    { id: "r2", text: "多元共商", createdAt: "2026-01-01T08:00:00+08:00" },
  ],
  ballots: [
    { voter: "v-1", delegation: "Canada", grades: { r1: "good" } },
    { voter: "v-2", delegation: "China", grades: { r1: "reject", r2: "excellent" }, reasons: { r1: "too static" } },
  ],
};

const issues = (input: unknown) =>
  ballotExportSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.code]) ?? [];

test("grades run from reject up to excellent, with both languages' labels", () => {
  assert.deepStrictEqual(GRADES.map(gradeRank), [0, 1, 2, 3, 4, 5]);
  assert.equal(gradeRank("excellent") > gradeRank("very_good"), true);
  assert.deepStrictEqual([isGrade("good"), isGrade("Good"), isGrade(3), isGrade(undefined)], [true, false, false, false]);
  assert.deepStrictEqual(
    GRADES.map((g) => GRADE_LABELS[g].zh),
    ["不可接受", "欠佳", "可接受", "好", "很好", "优秀"],
  );
});

test("the export schema accepts the documented format", () => {
  assert.deepStrictEqual(issues(valid), []);
});

test("the export schema refuses unknown grades, bad timestamps and repeated ids or voters", () => {
  assert.deepStrictEqual(
    issues({ ...valid, renderings: [{ ...valid.renderings[0], createdAt: "2026-01-01" }], ballots: [{ ...valid.ballots[0], grades: { r1: "great" } }] }),
    [["renderings.0.createdAt", "invalid_format"], ["ballots.0.grades.r1", "invalid_value"]],
  );
  assert.deepStrictEqual(
    issues({ ...valid, renderings: [...valid.renderings, valid.renderings[0]], ballots: [...valid.ballots, valid.ballots[0]] }),
    [["renderings.2.id", "custom"], ["ballots.2.voter", "custom"]],
  );
});

test("a decision snapshot stored before issue 15 still parses: ungraded 'blocks' become notYetGradedBy", () => {
  const profile = { excellent: 0, very_good: 0, good: 0, acceptable: 0, poor: 0, reject: 0 };
  const legacy = {
    term: "cso", voters: 1, delegations: ["Canada", "China"], ranking: ["r1"], consensus: null,
    renderings: {
      r1: {
        text: "多元共存", median: "poor", medianByDelegation: { Canada: "poor", China: null },
        profile: { ...profile, poor: 1 }, profileByDelegation: { Canada: { ...profile, poor: 1 }, China: profile },
        graders: 1, wins: 0, qualifies: false,
        blockedBy: [{ delegation: "Canada", median: "poor", reasons: [] }, { delegation: "China", median: null, reasons: [] }],
        rejectReasons: { Canada: [], China: [] },
      },
    },
    pairwise: { r1: {} }, strongestPaths: { r1: {} },
  };
  const parsed = storedResultsSchema.parse(legacy);
  assert.deepStrictEqual(parsed.renderings.r1?.blockedBy, [{ delegation: "Canada", median: "poor", reasons: [] }]);
  assert.deepStrictEqual(parsed.renderings.r1?.notYetGradedBy, ["China"]);
  assert.equal(parsed.robustness, undefined);
  // What the tally produces now must carry every field.
  assert.equal(resultsSchema.safeParse(legacy).success, false);
});

test("a decision snapshot stored before the listed reasons still parses: every voter's text becomes the tally's list", () => {
  const profile = { excellent: 0, very_good: 0, good: 0, acceptable: 0, poor: 0, reject: 0 };
  const texts = ["太抽象", "reads as biology", "太抽象", ...Array.from({ length: 25 }, (_, i) => `reason ${i + 10}`)];
  const legacy = {
    term: "cso", voters: 28, delegations: ["China"], ranking: ["r1"], consensus: null,
    renderings: {
      r1: {
        text: "多元共存", median: "reject", medianByDelegation: { China: "reject" },
        profile: { ...profile, reject: 28 }, profileByDelegation: { China: { ...profile, reject: 28 } },
        graders: 28, wins: 0, qualifies: false,
        blockedBy: [{ delegation: "China", median: "reject", reasons: [...texts].sort() }],
        notYetGradedBy: [],
        rejectReasons: { China: [...texts].sort() },
      },
    },
    pairwise: { r1: {} }, strongestPaths: { r1: {} },
  };
  const parsed = storedResultsSchema.parse(legacy);
  const listed = parsed.renderings.r1!.rejectReasons.China!;
  assert.equal(listed.length, 20);
  assert.deepEqual(listed.slice(0, 3), [
    { text: "太抽象", voters: 2 },
    { text: "reads as biology", voters: 1 },
    { text: "reason 10", voters: 1 },
  ]);
  assert.deepStrictEqual(parsed.renderings.r1!.blockedBy[0]!.reasons, listed);
  // Snapshots in the current form pass through unchanged.
  assert.deepStrictEqual(storedResultsSchema.parse(parsed), parsed);
});

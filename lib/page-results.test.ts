import assert from "node:assert/strict";
import { test } from "node:test";
import { pageResults } from "./page-results";
import { SHOWN_REASONS } from "./reasons";
import { tally, type ExportedBallot } from "./tally";

const renderings = ["a", "b", "c"].map((id, i) => ({ id, text: `text ${id}`, createdAt: `2026-01-0${i + 1}T00:00:00Z` }));

function ballots(): ExportedBallot[] {
  const list: ExportedBallot[] = [];
  // b beats a beats c; c is rejected by China with many distinct reasons.
  for (let i = 0; i < 12; i++)
    list.push({ voter: `cn${i}`, delegation: "China", grades: { a: "good", b: "excellent", c: "reject" }, reasons: { c: `reason ${i}` } });
  for (let i = 0; i < 12; i++) list.push({ voter: `ca${i}`, delegation: "Canada", grades: { a: "good", b: "very_good", c: "acceptable" } });
  return list;
}

const results = tally({ term: "t", renderings, ballots: ballots() });

test("the pairwise counts become a matrix in ranking order", () => {
  const page = pageResults(results);
  assert.deepEqual(page.ranking, ["b", "a", "c"]);
  page.ranking.forEach((x, i) =>
    page.ranking.forEach((y, j) => assert.equal(page.pairwise[i]![j], x === y ? 0 : results.pairwise[x]![y], `${x} over ${y}`)),
  );
  assert.equal(page.pairwise[0]![1], 24);
  assert.equal(page.pairwise[1]![0], 0);
});

test("reasons are capped with the count of the others, and strongest paths are left out", () => {
  const page = pageResults(results);
  const c = page.renderings.c!;
  assert.equal(c.rejectReasons.China!.shown.length, SHOWN_REASONS);
  assert.equal(c.rejectReasons.China!.more, 12 - SHOWN_REASONS);
  const block = c.blockedBy.find((b) => b.delegation === "China")!;
  assert.equal(block.reasons.shown.length, SHOWN_REASONS);
  assert.equal(block.reasons.more, 12 - SHOWN_REASONS);
  assert.equal("strongestPaths" in page, false);
  assert.equal(page.renderings.b!.wins, results.renderings.b!.wins);
  assert.ok(JSON.stringify(page).length < JSON.stringify(results).length);
});

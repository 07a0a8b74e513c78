import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { LISTED_REASONS, byCodePoints, listedReasons, listedReasonsOf } from "./reasons";
import { tally } from "./tally";
import { cellsOf, resultsFromCells } from "./cells";
import type { ExportedBallot } from "./schema";

test("code point order is UTF-8 byte order, also for characters above U+FFFF", () => {
  const texts = ["a", "ab", "", "\u{E000}", "\u{FFFD}", "\u{1F600}", "\u{20000}", "共", "共商", "Z", "\u{10FFFF}"];
  const sorted = [...texts].sort(byCodePoints);
  assert.deepEqual(sorted, [...texts].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
  // JavaScript's own order puts the surrogate pair first: the case the comparator exists for.
  assert.ok("\u{1F600}" < "\u{E000}");
  assert.ok(byCodePoints("\u{1F600}", "\u{E000}") > 0);
  fc.assert(
    fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (x, y) => {
      assert.equal(Math.sign(byCodePoints(x, y)), Math.sign(Buffer.compare(Buffer.from(x), Buffer.from(y))));
    }),
    { numRuns: 500 },
  );
});

test("reasons are listed once each, most voters first, ties in code point order, at most LISTED_REASONS", () => {
  assert.deepEqual(listedReasonsOf(["b", "a", "b", "\u{1F600}", "\u{E000}"]), [
    { text: "b", voters: 2 },
    { text: "a", voters: 1 },
    { text: "\u{E000}", voters: 1 },
    { text: "\u{1F600}", voters: 1 },
  ]);
  const many = Array.from({ length: LISTED_REASONS + 15 }, (_, i) => `reason ${String(i).padStart(2, "0")}`);
  const listed = listedReasonsOf([...many, "reason 34", "reason 34"]);
  assert.equal(listed.length, LISTED_REASONS);
  assert.deepEqual(listed[0], { text: "reason 34", voters: 3 });
  assert.deepEqual(listed.slice(1).map((r) => r.text), many.slice(0, LISTED_REASONS - 1));
  assert.deepEqual(listedReasons(new Map([["gone", 0], ["kept", 1]])), [{ text: "kept", voters: 1 }]);
});

test("results list at most LISTED_REASONS reasons whatever the number of rejecting voters, the same from ballots and from cells", () => {
  const renderings = [
    { id: "a", text: "多元共存", createdAt: "2026-01-01T00:00:00Z" },
    { id: "b", text: "多元共商", createdAt: "2026-01-02T00:00:00Z" },
  ];
  const ballots: ExportedBallot[] = [];
  // 3,000 rejecting voters of China: 300 distinct texts, some given by many, ties at the cut.
  for (let i = 0; i < 3000; i++) {
    const text = i % 10 === 0 ? `common ${i % 7}` : `own ${i % 300} \u{1F600}`;
    ballots.push({ voter: `cn${i}`, delegation: "China", grades: { a: "reject", b: "good" }, reasons: { a: `  ${text} ` } });
  }
  for (let i = 0; i < 10; i++) ballots.push({ voter: `ca${i}`, delegation: "Canada", grades: { a: "good", b: "good" } });
  const recount = tally({ term: "cso", renderings, ballots });
  const maintained = resultsFromCells("cso", renderings, cellsOf(ballots, new Set(["a", "b"])));
  assert.deepStrictEqual(maintained, recount);
  const listed = recount.renderings.a!.rejectReasons.China!;
  assert.equal(listed.length, LISTED_REASONS);
  // The 7 common texts (300 voters: 42 or 43 each), then 13 of the 270 texts of 10 voters each,
  // the first in code point order; the voters of the rest are not listed.
  assert.deepEqual(listed.slice(0, 7).map((r) => r.voters).sort(), [42, 43, 43, 43, 43, 43, 43]);
  const own = [...new Set(ballots.flatMap((b) => (b.reasons?.a?.trim().startsWith("own") ? [b.reasons.a.trim()] : [])))];
  assert.equal(own.length, 270);
  assert.deepEqual(listed.slice(7), own.sort(byCodePoints).slice(0, 13).map((text) => ({ text, voters: 10 })));
  assert.deepEqual(recount.renderings.a!.blockedBy[0]!.reasons, listed);
  assert.ok(JSON.stringify(recount).length < 10_000, `results of ${JSON.stringify(recount).length} characters`);
});

import assert from "node:assert/strict";
import { it } from "node:test";
import { SHOWN_REASONS, shownReasons } from "./reasons";

it("shows the first SHOWN_REASONS listed reasons and counts the voters whose reasons are not shown", () => {
  assert.deepEqual(shownReasons([], 0), { shown: [], more: 0 });
  assert.deepEqual(shownReasons([{ text: "a", voters: 2 }, { text: "b", voters: 1 }], 3), {
    shown: [{ text: "a", voters: 2 }, { text: "b", voters: 1 }],
    more: 0,
  });
  const many = Array.from({ length: SHOWN_REASONS + 3 }, (_, i) => ({ text: `r${i}`, voters: 10 - i }));
  const rejects = many.reduce((s, r) => s + r.voters, 0) + 4; // 4 more beyond what the results listed
  const { shown, more } = shownReasons(many, rejects);
  assert.deepEqual(shown, many.slice(0, SHOWN_REASONS));
  assert.equal(more, many.slice(SHOWN_REASONS).reduce((s, r) => s + r.voters, 0) + 4);
  // A listed count above the reject count (an inconsistent snapshot) never shows a negative.
  assert.equal(shownReasons([{ text: "a", voters: 5 }], 2).more, 0);
});

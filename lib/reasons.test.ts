import assert from "node:assert/strict";
import { it } from "node:test";
import { SHOWN_REASONS, shownReasons } from "./reasons";

it("shows identical reasons once, at most SHOWN_REASONS of them, and counts the rest", () => {
  assert.deepEqual(shownReasons([]), { shown: [], more: 0 });
  assert.deepEqual(shownReasons(["a", "a", "b"]), { shown: ["a", "b"], more: 0 });
  const many = Array.from({ length: SHOWN_REASONS + 3 }, (_, i) => `r${i}`);
  const { shown, more } = shownReasons([...many, "r0"]);
  assert.deepEqual(shown, many.slice(0, SHOWN_REASONS));
  assert.equal(more, 3);
});

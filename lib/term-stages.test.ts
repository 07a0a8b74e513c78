import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canMoveStage, COMMENTS_OPEN, PROPOSALS_OPEN } from "./term-stages";

describe("stages of a term", () => {
  it("follows draft → consultation → provisional → published, with the agreed ways back", () => {
    assert.ok(canMoveStage("draft", "consultation"));
    assert.ok(canMoveStage("consultation", "provisional"));
    assert.ok(canMoveStage("provisional", "published"));
    assert.ok(canMoveStage("provisional", "consultation"));
    assert.ok(canMoveStage("published", "consultation"));
    assert.ok(canMoveStage("consultation", "draft"));
    assert.ok(!canMoveStage("draft", "provisional"));
    assert.ok(!canMoveStage("draft", "published"));
    assert.ok(!canMoveStage("consultation", "published"));
    assert.ok(!canMoveStage("published", "provisional"));
    assert.ok(!canMoveStage("published", "draft"));
    assert.ok(!canMoveStage("provisional", "draft"));
  });

  it("proposals only in consultation; comments also in provisional", () => {
    assert.deepEqual(PROPOSALS_OPEN, ["consultation"]);
    assert.deepEqual(COMMENTS_OPEN, ["consultation", "provisional"]);
  });
});

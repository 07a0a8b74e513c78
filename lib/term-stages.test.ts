import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canMoveStage, COMMENTS_OPEN, isStepBack, PROPOSALS_OPEN, stageChoices } from "./term-stages";

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

  it("offers the next stage forward first and lists the steps back last", () => {
    assert.deepEqual(stageChoices("draft"), ["consultation"]);
    assert.deepEqual(stageChoices("consultation"), ["provisional", "consultation", "draft"]);
    assert.deepEqual(stageChoices("provisional"), ["published", "consultation"]);
    assert.deepEqual(stageChoices("published"), ["consultation"]);
  });

  it("calls a move to an earlier stage a step back, and a deadline change none", () => {
    assert.ok(isStepBack("provisional", "consultation"));
    assert.ok(isStepBack("published", "consultation"));
    assert.ok(isStepBack("consultation", "draft"));
    assert.ok(!isStepBack("consultation", "consultation"));
    assert.ok(!isStepBack("draft", "consultation"));
    assert.ok(!isStepBack("provisional", "published"));
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createTermSchema, editTermSchema, moveStageSchema, slugFromHeadword } from "./term-input";
import { recordDecisionSchema } from "./decision";
import { newCommentSchema } from "./comment";

describe("facilitator inputs", () => {
  it("derives slugs from headwords", () => {
    assert.equal(slugFromHeadword("Consociational Security Order"), "consociational-security-order");
    assert.equal(slugFromHeadword("  New model of major-country relationship! "), "new-model-of-major-country-relationship");
    assert.equal(slugFromHeadword("Résumé"), "resume");
    assert.equal(slugFromHeadword("共商"), "");
  });

  it("an edit changes only the fields it names", () => {
    assert.deepEqual(editTermSchema.parse({ headword: " x " }), { headword: "x" });
    assert.deepEqual(editTermSchema.parse({ abbreviation: "" }), { abbreviation: null });
    assert.equal(createTermSchema.parse({ headword: "x" }).targetLang, "zh-Hans");
  });

  it("reads a deadline without an offset as UTC, and only for a consultation", () => {
    assert.equal(moveStageSchema.parse({ stage: "consultation", deadline: "2030-01-02T03:04" }).deadline?.toISOString(), "2030-01-02T03:04:00.000Z");
    assert.equal(moveStageSchema.parse({ stage: "consultation", deadline: "2030-01-02T03:04:00+08:00" }).deadline?.toISOString(), "2030-01-01T19:04:00.000Z");
    assert.equal(moveStageSchema.parse({ stage: "consultation", deadline: "" }).deadline, null);
    assert.equal(moveStageSchema.safeParse({ stage: "provisional", deadline: "2030-01-02T03:04" }).success, false);
    assert.equal(moveStageSchema.safeParse({ stage: "consultation", deadline: "tomorrow" }).success, false);
  });

  it("a decision's adopted, admitted and deprecated renderings are disjoint; a single id reads as a list", () => {
    const base = { adoptedRenderingId: "a", statementEn: "s", statementZh: "说明" };
    assert.deepEqual(recordDecisionSchema.parse({ ...base, admittedIds: "b", deprecatedIds: ["c", "c"] }).deprecatedIds, ["c"]);
    assert.equal(recordDecisionSchema.safeParse({ ...base, admittedIds: ["a"] }).success, false);
    assert.equal(recordDecisionSchema.safeParse({ ...base, admittedIds: ["b"], deprecatedIds: ["b"] }).success, false);
  });

  it("an empty parentId is no reply", () => {
    assert.equal(newCommentSchema.parse({ stance: "for", body: "x", parentId: "" }).parentId, undefined);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findIllFormedText, MAX_JSON_DEPTH, textProblem } from "./text-input";

describe("text input is well-formed Unicode", () => {
  it("accepts any well-formed text, astral characters included", () => {
    for (const s of ["", "多元共商", "𠀀𪚥 emoji 😀", "a\u202Eb", "\uFFFD"]) assert.equal(textProblem(s), null, s);
  });

  it("refuses lone surrogates and U+0000", () => {
    assert.equal(textProblem("a\udc00"), "malformed");
    assert.equal(textProblem("\ud800b"), "malformed");
    assert.equal(textProblem("😀".slice(0, 1)), "malformed");
    assert.equal(textProblem("a\u0000b"), "nul");
  });

  it("names the field of the first bad string, in values and in keys", () => {
    assert.deepEqual(findIllFormedText(JSON.parse('{"grades":{"r1":"reject"},"reasons":{"r1":"bad\\udc00"}}')), { path: "reasons.r1", problem: "malformed" });
    assert.deepEqual(findIllFormedText({ note: ["ok", "x\u0000"] }), { path: "note.1", problem: "nul" });
    assert.deepEqual(findIllFormedText({ grades: { ["r\ud800"]: "good" } }), { path: "grades.?", problem: "malformed" });
    assert.equal(findIllFormedText({ grades: { r1: "good" }, note: "多元共商 😀" }), null);
  });

  it("refuses nesting deeper than the limit without overflowing the stack", () => {
    const deep = JSON.parse(`{"note":${"[".repeat(30_000)}${"]".repeat(30_000)}}`);
    assert.equal(findIllFormedText(deep)?.problem, "too_deep");
    let ok: unknown = "leaf";
    for (let i = 0; i < MAX_JSON_DEPTH - 1; i++) ok = [ok];
    assert.equal(findIllFormedText({ a: ok }), null, "the limit itself is accepted");
  });
});

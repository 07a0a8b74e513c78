import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { derivePinyin, normalizedKey, tidyRenderingText, traditionalForm } from "./text";

describe("normalized key", () => {
  it("folds traditional to simplified and drops separators and spaces", () => {
    assert.equal(normalizedKey("多元共進"), "多元共进");
    assert.equal(normalizedKey("多元 共进"), "多元共进");
    assert.equal(normalizedKey("多元　共进"), "多元共进", "ideographic space");
    assert.equal(normalizedKey("多元•合作•共生"), "多元合作共生");
    assert.equal(normalizedKey("多元·合作・共生"), "多元合作共生");
  });

  it("applies NFKC (full-width and compatibility forms)", () => {
    assert.equal(normalizedKey("多元共进Ａ"), "多元共进A");
  });

  it("keeps different renderings apart", () => {
    assert.notEqual(normalizedKey("多元共存"), normalizedKey("多元共生"));
  });
});

describe("derived forms", () => {
  it("derives pinyin with tone marks, keeping separators", () => {
    assert.equal(derivePinyin("多元共进"), "duō yuán gòng jìn");
    assert.equal(derivePinyin("多元•合作•共生"), "duō yuán • hé zuò • gòng shēng");
    assert.equal(derivePinyin("多元共進"), "duō yuán gòng jìn", "traditional input");
  });

  it("gives the traditional form", () => {
    assert.equal(traditionalForm("多元共进"), "多元共進");
    assert.equal(traditionalForm("多元共商"), "多元共商");
  });

  it("tidies whitespace without touching the characters", () => {
    assert.equal(tidyRenderingText("  多元  共进 "), "多元 共进");
  });
});

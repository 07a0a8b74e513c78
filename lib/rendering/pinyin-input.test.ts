import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tonedPinyin } from "./pinyin-input";

describe("pinyin as typed", () => {
  it("turns tone numbers into marks, v into ü, and drops the neutral tone's 5", () => {
    assert.equal(tonedPinyin("duo1 yuan2 gong4 jin4"), "duō yuán gòng jìn");
    assert.equal(tonedPinyin("lv4 nv3"), "lǜ nǚ");
    assert.equal(tonedPinyin("duo1 yuan2 • he2 zuo4"), "duō yuán • hé zuò");
    assert.equal(tonedPinyin("hao3 ma5"), "hǎo ma");
  });

  it("keeps marks already typed, tidying spaces", () => {
    assert.equal(tonedPinyin("  duō   yuán "), "duō yuán");
  });
});

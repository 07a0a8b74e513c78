import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pinyinPreview, renderingPinyin } from "./pinyin";

describe("the pinyin a rendering gets, and the form's preview of it", () => {
  it("derives it from the Hanzi when none is given, and marks the tones of what is typed", () => {
    assert.equal(renderingPinyin("多元共进", undefined), "duō yuán gòng jìn");
    assert.equal(renderingPinyin("多元共进", "duo1 yuan2 gong4 jin4"), "duō yuán gòng jìn");
  });

  it("previews exactly what would be stored, from the form's raw input", () => {
    assert.equal(pinyinPreview("  多元  共進 ", ""), renderingPinyin("多元 共進", undefined));
    assert.equal(pinyinPreview("多元共进", " lv4  se4 "), "lǜ sè");
    assert.equal(pinyinPreview("", ""), "");
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { proposeRenderingSchema, tidy, charCount } from "./rendering";
import { tidyRenderingText, normalizedKey, derivePinyin } from "@/lib/rendering/text";

const valid = { gloss: "many elements", rationale: "because" };
const codesOf = (input: unknown) => {
  const r = proposeRenderingSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("proposal schema", () => {
  it("accepts Han text with the separators • · ・ and spaces, tidied", () => {
    for (const text of ["多元共进", "多元•合作•共生", "多元·合作・共生", "多元 共进", "多元　共進", "共商"]) {
      assert.deepEqual(codesOf({ text, ...valid }), [], text);
    }
    assert.equal(proposeRenderingSchema.parse({ text: "  多元　 共進\n", ...valid }).text, "多元 共進");
  });

  it("requires Han characters", () => {
    assert.deepEqual(codesOf({ text: "security", ...valid }), ["text:text_no_han"]);
    assert.deepEqual(codesOf({ text: "•••", ...valid }), ["text:text_no_han"]);
    assert.deepEqual(codesOf({ text: "たすけあい", ...valid }), ["text:text_no_han"], "kana is not Han");
    assert.deepEqual(codesOf({ text: "", ...valid }), ["text:text_required"]);
    assert.deepEqual(codesOf({ gloss: "g", rationale: "r" }), ["text:text_required"]);
  });

  it("allows nothing but Han, the three separators and spaces", () => {
    for (const text of ["多元-共进", "多元,共进", "多元共进1", "多元<i>共进", "多元共进😀", "多元\u202E共进", "多元。共进"]) {
      assert.deepEqual(codesOf({ text, ...valid }), ["text:text_bad_chars"], text);
    }
  });

  it("counts 2–32 characters by code points, after tidying", () => {
    assert.deepEqual(codesOf({ text: " 多 ", ...valid }), ["text:text_too_short"]);
    assert.deepEqual(codesOf({ text: "多".repeat(32), ...valid }), []);
    assert.deepEqual(codesOf({ text: "多".repeat(33), ...valid }), ["text:text_too_long"]);
    // U+20000 (𠀀) is one character but two UTF-16 code units.
    assert.equal(charCount("𠀀𠀀"), 2);
    assert.deepEqual(codesOf({ text: "𠀀".repeat(32), ...valid }), []);
  });

  it("pinyin is optional; letters with tone marks or numbers only", () => {
    assert.deepEqual(codesOf({ text: "多元", pinyin: "duō yuán", ...valid }), []);
    assert.deepEqual(codesOf({ text: "多元", pinyin: "duo1 yuan2", ...valid }), []);
    assert.deepEqual(codesOf({ text: "多元", pinyin: "", ...valid }), []);
    assert.deepEqual(codesOf({ text: "多元", pinyin: "duo<script>", ...valid }), ["pinyin:pinyin_bad_chars"]);
  });

  it("requires a gloss and a rationale, within limits", () => {
    assert.deepEqual(codesOf({ text: "多元", gloss: "  ", rationale: "r" }), ["gloss:gloss_required"]);
    assert.deepEqual(codesOf({ text: "多元", gloss: "g".repeat(201), rationale: "r" }), ["gloss:gloss_too_long"]);
    assert.deepEqual(codesOf({ text: "多元", gloss: "g" }), ["rationale:rationale_required"]);
  });

  it("tidies exactly as lib/rendering/text.ts does (kept apart to keep the form's bundle small)", () => {
    for (const s of ["  多元  共进 ", "多元\u3000共进", "多元\t\n共进", "e\u0301多元"]) assert.equal(tidy(s), tidyRenderingText(s));
  });

  it("normalization and pinyin of the seminar's renderings (with lib/rendering/text.ts)", () => {
    const text = proposeRenderingSchema.parse({ text: "多元•合作•共生", ...valid }).text;
    assert.equal(normalizedKey(text), "多元合作共生");
    assert.equal(derivePinyin(text), "duō yuán • hé zuò • gòng shēng");
    const traditional = proposeRenderingSchema.parse({ text: "多元 共進", ...valid }).text;
    assert.equal(normalizedKey(traditional), normalizedKey("多元共进"));
    assert.equal(derivePinyin(traditional), "duō yuán gòng jìn");
  });
});

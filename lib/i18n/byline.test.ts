import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { byline } from "./byline";

describe("bylines", () => {
  it("name the delegation in the reader's language", () => {
    const anne = { name: "Anne Roy", delegation: "Canada", delegationZh: "加拿大" };
    assert.equal(byline(anne, "en"), "Anne Roy (Canada)");
    assert.equal(byline(anne, "zh"), "Anne Roy（加拿大）");
  });

  it("fall back to the English name, and to the name alone without a delegation", () => {
    assert.equal(byline({ name: "Li", delegation: "Observers", delegationZh: null }, "zh"), "Li（Observers）");
    assert.equal(byline({ name: "Li", delegation: null }, "zh"), "Li");
  });
});

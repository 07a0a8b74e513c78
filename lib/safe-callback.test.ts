import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { safeCallback } from "./safe-callback";

describe("the sign-in callback", () => {
  it("keeps paths of this site", () => {
    assert.equal(safeCallback("/terms/cso#r-1"), "/terms/cso#r-1");
    assert.equal(safeCallback("/admin/audit?page=2"), "/admin/audit?page=2");
    assert.equal(safeCallback("/"), "/");
  });

  it("refuses everything a browser would resolve to another host", () => {
    for (const evil of [
      "//evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/.//evil.example",
      "/%2e//evil.example",
      "https://evil.example/",
      "http:evil.example",
      "javascript:alert(1)",
      "evil.example",
      "",
    ]) {
      const kept = safeCallback(evil);
      assert.ok(!/^\/[/\\]/.test(kept) && new URL(kept, "http://site.invalid").host === "site.invalid", `${JSON.stringify(evil)} → ${kept}`);
      assert.equal(kept.startsWith("/"), true);
    }
    assert.equal(safeCallback("/\\evil.example"), "/");
    assert.equal(safeCallback(undefined), "/");
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lexiconExportSchema } from "@/lib/schemas/lexicon";
import { lexiconToJson } from "./json";
import { sampleLexicon } from "./fixture";

describe("JSON export", () => {
  it("is the lexicon model, valid against its schema, and reads back equal", () => {
    const text = lexiconToJson(sampleLexicon());
    assert.deepEqual(lexiconExportSchema.parse(JSON.parse(text)), sampleLexicon());
    assert.ok(text.includes("多元共商"), "Hanzi are written as characters, not escapes");
  });

  it("refuses a lexicon that does not match the schema", () => {
    const bad = sampleLexicon();
    (bad.entries[0]!.renderings[0] as { status: string }).status = "winner";
    assert.throws(() => lexiconToJson(bad));
  });
});

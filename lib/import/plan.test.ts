import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { planImport, languagePair, type ExistingTerm } from "./plan";
import { sameLanguage, tidyTag, checkRendering } from "./rendering";
import type { ImportedConcept, ImportedFile } from "./model";
import { normalizedKey } from "@/lib/rendering/text";

const concept = (line: number, id: string | undefined, sections: [string, string[]][]): ImportedConcept => ({
  line,
  id,
  sections: sections.map(([lang, terms]) => ({ lang, line, terms: terms.map((text) => ({ text, line, notes: [] })) })),
});
const file = (...concepts: ImportedConcept[]): ImportedFile => ({ format: "tbx", concepts });
const term = (slug: string, headword: string, stage: ExistingTerm["stage"], texts: string[] = []): ExistingTerm => ({
  id: `id-${slug}`,
  slug,
  headword,
  sourceLang: "en",
  targetLang: "zh-Hans",
  stage,
  renderings: texts.map((t) => ({ key: normalizedKey(t), status: "active" })),
});

describe("planning an import", () => {
  it("matches by concept id, else by headword and source language; adds only what a term lacks", () => {
    const plan = planImport(
      file(
        concept(1, "c-cso", [["en", ["renamed headword"]], ["zh-Hans", ["多元共存", "多元共建"]]]),
        concept(2, "x9", [["en-GB", ["Empathy"]], ["zh-CN", ["共情"]]]),
        concept(3, undefined, [["en", ["new concept"]], ["zh-Hans", ["新概念"]]]),
      ),
      [term("cso", "consociational security order", "consultation", ["多元共存"]), term("empathy", "empathy", "draft")],
    );
    assert.deepEqual(
      plan.concepts.map((c) => [c.action, c.matchedBy, c.slug, c.renderings.map((r) => r.outcome)]),
      [
        ["update", "id", "cso", ["exists", "add"]],
        ["update", "headword", "empathy", ["add"]],
        ["create", null, "new-concept", ["add"]],
      ],
    );
    assert.deepEqual([plan.created, plan.updated, plan.skipped, plan.renderingsAdded], [1, 2, 0, 3]);
  });

  it("keeps a provisional or published term's candidates closed, and says so", () => {
    const plan = planImport(file(concept(1, undefined, [["en", ["empathy"]], ["zh-Hans", ["共情"]]])), [term("empathy", "empathy", "published")]);
    assert.equal(plan.concepts[0]!.action, "unchanged");
    assert.deepEqual(plan.concepts[0]!.renderings.map((r) => [r.outcome, r.reason]), [["closed", "the term is published: its candidates are closed"]]);
  });

  it("a rendering named twice (also in its traditional form) is added once; a second entry for a new term joins it", () => {
    const plan = planImport(
      file(concept(1, undefined, [["en", ["alpha"]], ["zh-Hans", ["多元共进", "多元共進"]]]), concept(2, undefined, [["en", ["Alpha"]], ["zh-Hans", ["多元共生"]]])),
      [],
    );
    assert.deepEqual(plan.concepts[0]!.renderings.map((r) => r.outcome), ["add", "exists", "add"]);
    assert.equal(plan.concepts[1]!.action, "unchanged");
    assert.deepEqual(plan.concepts[0]!.renderings.filter((r) => r.outcome === "add").map((r) => r.text), ["多元共进", "多元共生"]);
    assert.equal(plan.created, 1);
  });

  it("gives new terms unique slugs, and reports a concept without a source-language term by line", () => {
    const plan = planImport(file(concept(4, undefined, [["en", ["Empathy!"]]]), concept(9, "c7", [["fr", ["empathie"]]])), [term("empathy", "something else", "draft")]);
    assert.equal(plan.concepts[0]!.slug, "empathy-2");
    assert.equal(plan.concepts[1]!.action, "invalid");
    assert.deepEqual(plan.errors, [{ line: 9, message: "Concept c7: no term in the source language (en); it was not imported." }]);
  });

  it("chooses the language pair: asked for, else the file's document language and most frequent other language", () => {
    const f = { ...file(concept(1, undefined, [["de", ["Sicherheit"]], ["es", ["seguridad"]], ["fr", ["sécurité"]]]), concept(2, undefined, [["de", ["Vertrauen"]], ["es", ["confianza"]]])), mainLang: "de-DE" };
    assert.deepEqual(languagePair(f, {}), { sourceLang: "de-DE", targetLang: "es" });
    assert.deepEqual(languagePair(f, { sourceLang: "es", targetLang: "fr" }), { sourceLang: "es", targetLang: "fr" });
    const plan = planImport(f, []);
    assert.deepEqual(plan.concepts.map((c) => [c.sourceLang, c.targetLang, c.skippedLanguages]), [
      ["de", "es", ["fr"]],
      ["de", "es", []],
    ]);
  });
});

describe("languages and rendering rules of imports", () => {
  it("compares language tags as terminology files write them", () => {
    assert.ok(sameLanguage("en", "EN-us"));
    assert.ok(sameLanguage("zh-CN", "zh-Hans"));
    assert.ok(sameLanguage("zh-TW", "zh-hant"));
    assert.ok(!sameLanguage("zh-Hans", "zh-Hant"));
    assert.ok(!sameLanguage("en", "es"));
    assert.equal(tidyTag("ZH-hans-cn"), "zh-Hans-CN");
  });

  it("applies the proposal rules to a Chinese target and a looser rule to others", () => {
    const zh = checkRendering("多元 共進", "zh-Hant");
    assert.ok(zh.ok && zh.rendering.text === "多元 共進" && zh.rendering.key === "多元共进", "stored as written; the key folds it");
    assert.deepEqual(checkRendering("CSO秩序", "zh-Hans"), { ok: false, code: "text_bad_chars", message: "a Chinese rendering may contain only Chinese characters, spaces and the separators • · ・" });
    const es = checkRendering("  Seguridad   Común ", "es");
    assert.ok(es.ok && es.rendering.text === "Seguridad Común" && es.rendering.key === "seguridad común" && es.rendering.pinyin === "");
    assert.equal(checkRendering("•••", "es").ok, false);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classFromFile, classFromNote, classNote, SYNONYM_CLASSES, tbxDesignation } from "./synonym-classes";
import { regionalAdoptionProblems, regionFromFile } from "./regions";
import { canonicalLanguageTag } from "./language-tag";
import { decisionClasses, recordDecisionSchema } from "@/lib/schemas/decision";
import { createTermSchema } from "@/lib/schemas/term-input";
import { proposeRenderingSchema } from "@/lib/schemas/rendering";

/** The values the TBX-Basic DCA Schematron allows (test/support/standards/tbx/TBX-Basic_DCA.sch). */
const DCA_STATUS = ["admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "preferredTerm-admn-sts"];
const DCA_TERM_TYPE = ["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"];

describe("synonym classes → TBX-Basic", () => {
  it("map each place and class to the dialect's own values", () => {
    assert.deepEqual(tbxDesignation("adopted", "standard"), { administrativeStatus: "preferredTerm-admn-sts" });
    assert.deepEqual(tbxDesignation("admitted", "alternative"), { administrativeStatus: "admittedTerm-admn-sts" });
    assert.deepEqual(tbxDesignation("admitted", "short"), { administrativeStatus: "admittedTerm-admn-sts", termType: "shortForm" });
    assert.deepEqual(tbxDesignation("adopted", "full"), { administrativeStatus: "preferredTerm-admn-sts", termType: "fullForm" });
    assert.deepEqual(tbxDesignation("admitted", "common"), { administrativeStatus: "admittedTerm-admn-sts" });
    assert.deepEqual(tbxDesignation("deprecated", "former"), { administrativeStatus: "supersededTerm-admn-sts" });
    assert.deepEqual(tbxDesignation("deprecated", null), { administrativeStatus: "deprecatedTerm-admn-sts" });
    assert.deepEqual(tbxDesignation(null, "short"), { termType: "shortForm" }, "a candidate has no status");
    for (const place of ["adopted", "admitted", "deprecated", null] as const) {
      for (const cls of [...SYNONYM_CLASSES, null]) {
        const d = tbxDesignation(place, cls);
        if (d.administrativeStatus) assert.ok(DCA_STATUS.includes(d.administrativeStatus), d.administrativeStatus);
        if (d.termType) assert.ok(DCA_TERM_TYPE.includes(d.termType), d.termType);
      }
    }
  });

  it("read back: our note exactly, other tools' termType and status, a CSV cell by code or Hanzi", () => {
    for (const c of SYNONYM_CLASSES) assert.equal(classFromNote(classNote(c)), c);
    assert.equal(classFromNote("Pinyin: gòng shāng"), undefined);
    assert.equal(classFromFile({ termType: "abbreviation" }), "short");
    assert.equal(classFromFile({ termType: "fullForm" }), "full");
    assert.equal(classFromFile({ status: "superseded" }), "former");
    assert.equal(classFromFile({ cell: "俗称" }), "common");
    assert.equal(classFromFile({ cell: "Alternative" }), "alternative");
    assert.equal(classFromFile({ cell: "nonsense", termType: "phrase" }), undefined);
  });
});

describe("regions", () => {
  it("read from a file as a code, a language tag or a name", () => {
    assert.equal(regionFromFile("TW"), "TW");
    assert.equal(regionFromFile("zh-HK"), "HK");
    assert.equal(regionFromFile("台湾"), "TW");
    assert.equal(regionFromFile("Macao"), "MO");
    assert.equal(regionFromFile("FR"), undefined);
    assert.equal(regionFromFile(""), undefined);
  });

  it("one adopted form per region, and a regional variant needs a region (择优选用, 求同存异)", () => {
    const region: Record<string, string> = { a: "", b: "TW", c: "TW", d: "HK", e: "", m: "CN" };
    const of = (id: string) => region[id] ?? "";
    assert.deepEqual(regionalAdoptionProblems("a", ["b", "d"], of), {});
    assert.deepEqual(regionalAdoptionProblems("a", ["b", "c"], of), { regionalIds: ["region_adopted_twice"] });
    assert.deepEqual(regionalAdoptionProblems("a", ["e"], of), { regionalIds: ["regional_needs_region"] });
    assert.deepEqual(regionalAdoptionProblems("b", ["c"], of), { regionalIds: ["region_adopted_twice"] }, "the default adopted form's own region counts");
    assert.deepEqual(regionalAdoptionProblems("m", ["b"], of), {}, "a mainland default and a Taiwan variant");
  });
});

describe("language tags (BCP 47)", () => {
  it("accepts well-formed tags in their canonical case, refuses the rest", () => {
    assert.equal(canonicalLanguageTag("zh-Hans"), "zh-Hans");
    assert.equal(canonicalLanguageTag("zh-hant"), "zh-Hant");
    assert.equal(canonicalLanguageTag("EN-us"), "en-US");
    assert.equal(canonicalLanguageTag("es-419"), "es-419");
    assert.equal(canonicalLanguageTag("iw"), "iw", "kept as written (no alias replacement)");
    for (const bad of ["", "x", "zh_CN", "en--US", "123", "zh-Hans!", "a-b", "toolonglanguage"]) assert.equal(canonicalLanguageTag(bad), null, bad);
  });

  it("a term's languages are validated with the code language_invalid", () => {
    const ok = createTermSchema.parse({ headword: "x", targetLang: "zh-hant" });
    assert.equal(ok.targetLang, "zh-Hant");
    const bad = createTermSchema.safeParse({ headword: "x", targetLang: "zh_TW" });
    assert.equal(bad.success, false);
    assert.deepEqual(bad.error!.issues.map((i) => [i.path.join("."), i.message]), [["targetLang", "language_invalid"]]);
  });
});

describe("decision input: classes and regional variants", () => {
  const base = { adoptedRenderingId: "a", statementEn: "x", statementZh: "乙" };

  it("fills in the defaults (adopted 正名, admitted 又称, deprecated none) and keeps chosen classes", () => {
    const d = recordDecisionSchema.parse({ ...base, admittedIds: ["b", "c"], deprecatedIds: ["d", "e"], regionalIds: ["t"], synonymClasses: { c: "short", e: "former" } });
    assert.deepEqual(decisionClasses(d), { a: "standard", t: "standard", b: "alternative", c: "short", e: "former" });
  });

  it("refuses a class that does not fit the place, or names an unlisted rendering, with codes", () => {
    const codes = (raw: object) => {
      const r = recordDecisionSchema.safeParse({ ...base, ...raw });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    assert.deepEqual(codes({ admittedIds: ["b"], synonymClasses: { b: "standard" } }), ["class_not_for_place"]);
    assert.deepEqual(codes({ deprecatedIds: ["b"], synonymClasses: { b: "short" } }), ["class_not_for_place"]);
    assert.deepEqual(codes({ synonymClasses: { z: "short" } }), ["class_for_unlisted"]);
    assert.deepEqual(codes({ synonymClasses: { a: "best" } }), ["synonym_class_invalid"]);
    assert.deepEqual(codes({ regionalIds: ["b"], admittedIds: ["b"] }), ["regional_also_listed"]);
    assert.deepEqual(codes({ regionalIds: ["a"] }), ["adopted_also_listed"]);
  });
});

describe("proposal input: region and class", () => {
  const base = { text: "多元共商", gloss: "g", rationale: "r" };
  it("are optional, empty means none, anything else must be ours", () => {
    assert.deepEqual(({ ...proposeRenderingSchema.parse({ ...base, region: "", synonymClass: "" }) }).region, null);
    const p = proposeRenderingSchema.parse({ ...base, region: "TW", synonymClass: "short" });
    assert.equal(p.region, "TW");
    assert.equal(p.synonymClass, "short");
    const bad = proposeRenderingSchema.safeParse({ ...base, region: "FR", synonymClass: "best" });
    assert.deepEqual(bad.error!.issues.map((i) => i.message).sort(), ["region_invalid", "synonym_class_invalid"]);
  });
});

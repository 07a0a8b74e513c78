import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkTbxBasic } from "@/test/support/tbx-basic";
import { XmlError, elements, parseXml, textOf, type XmlElement } from "@/test/support/xml";
import { ADMINISTRATIVE_STATUS, lexiconToTbx, TBX_NAMESPACE } from "./tbx";
import { jingAvailable, tbxSchemaErrors } from "@/test/support/jing";
import { xmlAttr, xmlText } from "./xml";
import { sampleLexicon } from "./fixture";

const find = (e: XmlElement, local: string): XmlElement[] =>
  elements(e).flatMap((c) => (c.local === local ? [c, ...find(c, local)] : find(c, local)));

describe("TBX-Basic export", () => {
  const tbx = lexiconToTbx(sampleLexicon());
  const { root, processingInstructions } = parseXml(tbx);

  it("the official TBX-Basic schemas (core RELAX NG, DCA Schematron) accept it: every status, and a term without renderings", (t) => {
    if (!jingAvailable()) return t.skip("jing is not installed");
    assert.deepEqual(tbxSchemaErrors(tbx), []);
    const bare = sampleLexicon();
    for (const e of bare.entries) e.renderings = [];
    assert.deepEqual(tbxSchemaErrors(lexiconToTbx(bare)), []);
    // They are the authority: the namespace this export once had is refused.
    assert.ok(tbxSchemaErrors(tbx.replace(TBX_NAMESPACE, "urn:iso:std:iso:30042:ed:3.0")).length > 0);
  });

  it("is well-formed and valid TBX-Basic (structure, data categories, levels, values)", () => {
    assert.deepEqual(checkTbxBasic(tbx), []);
    assert.equal(root.local, "tbx");
    assert.equal(root.ns, "urn:iso:std:iso:30042:ed-2");
    assert.ok(processingInstructions.some((p) => p.target === "xml-model" && p.data.includes("TBX-Basic")));
  });

  it("gives decided renderings their administrative status, and candidates a note instead", () => {
    const statusOf = (text: string) => {
      const sec = find(root, "termSec").find((s) => textOf(elements(s)[0]!) === text)!;
      assert.ok(sec, text);
      const note = elements(sec).find((c) => c.local === "termNote" && c.attrs.type === "administrativeStatus");
      return { status: note ? textOf(note) : null, notes: elements(sec).filter((c) => c.local === "note").map(textOf) };
    };
    assert.equal(statusOf("多元共商").status, ADMINISTRATIVE_STATUS.preferred);
    assert.equal(statusOf("多元共生").status, "admittedTerm-admn-sts");
    assert.equal(statusOf("多元共进").status, "supersededTerm-admn-sts", "a deprecated 曾称 is superseded");
    assert.equal(statusOf("同理心").status, null);
    assert.ok(statusOf("同理心").notes.some((n) => /no decision/.test(n)));
    assert.ok(statusOf("多元共商").notes.includes("Pinyin: duō yuán gòng shāng"), "tone marks kept");
    assert.ok(statusOf("多元共进").notes.includes("Traditional: 多元共進"));
  });

  it("maps synonym classes and regions to TBX-Basic data categories, the class itself in a note", () => {
    const categories = (text: string) => {
      const sec = find(root, "termSec").find((s) => textOf(elements(s)[0]!) === text)!;
      const notes = elements(sec).filter((c) => c.local === "termNote");
      return {
        ...Object.fromEntries(notes.map((n) => [n.attrs.type!, textOf(n)])),
        classNote: elements(sec).filter((c) => c.local === "note").map(textOf).find((n) => n.startsWith("Synonym class:")) ?? null,
      };
    };
    assert.deepEqual(categories("多元協商"), { administrativeStatus: "preferredTerm-admn-sts", geographicalUsage: "TW", classNote: "Synonym class: standard (正名)" });
    assert.deepEqual(categories("共商"), { administrativeStatus: "admittedTerm-admn-sts", termType: "shortForm", classNote: "Synonym class: short (简称)" });
    assert.deepEqual(categories("多元共生"), { administrativeStatus: "admittedTerm-admn-sts", classNote: "Synonym class: alternative (又称)" });
    assert.deepEqual(categories("同理心"), { classNote: null });
  });

  it("writes the definition and note of each language in its langSec, the target context on the first rendering, the statements on the concept", () => {
    const cso = find(root, "conceptEntry")[0]!;
    const entry = sampleLexicon().entries[0]!;
    const [en, zh] = elements(cso).filter((c) => c.local === "langSec");
    assert.equal(textOf(elements(zh!).find((d) => d.local === "descrip" && d.attrs.type === "definition")!), entry.definitionTarget);
    assert.equal(textOf(elements(en!).find((d) => d.local === "note")!), entry.note);
    const first = elements(zh!).find((c) => c.local === "termSec")!;
    assert.equal(textOf(elements(first).find((d) => d.local === "descrip" && d.attrs.type === "context")!), entry.contextTarget);
    const conceptNotes = elements(cso).filter((c) => c.local === "note").map(textOf);
    assert.ok(conceptNotes.includes(entry.decision!.statementEn) && conceptNotes.includes(entry.decision!.statementZh));
  });

  it("puts definition, context, subject field and abbreviation where TBX-Basic wants them", () => {
    const cso = find(root, "conceptEntry")[0]!;
    assert.equal(cso.attrs.id, "c-cso");
    const [en, zh] = elements(cso).filter((c) => c.local === "langSec");
    assert.equal(en!.attrs["xml:lang"], "en");
    assert.equal(zh!.attrs["xml:lang"], "zh-Hans");
    assert.equal(textOf(find(en!, "descrip").find((d) => d.attrs.type === "definition")!), sampleLexicon().entries[0]!.definition);
    assert.equal(textOf(find(en!, "descrip").find((d) => d.attrs.type === "context")!), sampleLexicon().entries[0]!.context, "escaped and read back exactly");
    assert.ok(find(en!, "termNote").some((n) => n.attrs.type === "termType" && textOf(n) === "abbreviation"));
    assert.ok(elements(cso).some((c) => c.local === "descrip" && c.attrs.type === "subjectField"));
    const ids = find(root, "conceptEntry").map((c) => c.attrs.id);
    assert.deepEqual(ids, ["c-cso", "c-empathy", "c-2nd-track"], "IDs are NCNames even for slugs starting with a digit");
  });

  it("leaves out the target langSec of a term without renderings (a langSec needs a termSec)", () => {
    const draft = find(root, "conceptEntry")[2]!;
    assert.deepEqual(elements(draft).filter((c) => c.local === "langSec").map((l) => l.attrs["xml:lang"]), ["en"]);
  });

  it("refuses an empty lexicon rather than writing an invalid document", () => {
    assert.throws(() => lexiconToTbx({ ...sampleLexicon(), entries: [] }));
  });

  it("drops characters XML cannot carry and escapes markup", () => {
    assert.equal(xmlText("a\u0001b<c>&"), "ab&lt;c&gt;&amp;");
    assert.equal(xmlAttr('"x"\n'), "&quot;x&quot;&#10;");
    const lexicon = sampleLexicon();
    lexicon.entries[1]!.renderings[0]!.rationale = "bad \u0007 char ]]> <b>";
    assert.deepEqual(checkTbxBasic(lexiconToTbx(lexicon)), []);
  });
});

describe("the test XML parser and TBX-Basic checker catch mistakes", () => {
  it("refuses documents that are not well-formed", () => {
    for (const bad of ["<a><b></a>", "<a>x & y</a>", "<a x=1/>", '<a x="1" x="2"/>', "<a/><b/>", "<a>&nope;</a>", '<!DOCTYPE a><a/>', "<p:a/>"]) {
      assert.throws(() => parseXml(bad), XmlError, bad);
    }
  });

  it("reports misplaced data categories, bad values and structure", () => {
    const good = lexiconToTbx(sampleLexicon());
    const swap = (from: string, to: string) => checkTbxBasic(good.replace(from, to));
    assert.match(swap("preferredTerm-admn-sts", "bestTerm").join(), /not a permitted value/);
    assert.match(swap('<descrip type="subjectField">', '<descrip type="domain">').join(), /not a TBX-Basic data category/);
    assert.match(swap('type="TBX-Basic"', 'type="TBX-Default"').join(), /TBX-Basic/);
    assert.match(checkTbxBasic(good.replace(/<descrip type="context">([^<]*)<\/descrip>/, '<descrip type="subjectField">$1</descrip>')).join(), /subjectField not allowed at termSec/);
    assert.match(checkTbxBasic(good.replace(/<termSec>\s*<term>多元共商<\/term>/, "<termSec>")).join(), /expected term/);
    assert.match(swap("<date>2026-01-01</date>", "<date>01/01/2026</date>").join(), /xsd:date/);
  });
});

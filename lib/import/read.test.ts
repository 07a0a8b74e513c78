import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { readTbx } from "./tbx";
import { parseCsvRecords, readCsv } from "./csv";
import { lexiconToTbx } from "@/lib/export/tbx";
import { lexiconToCsv } from "@/lib/export/csv";
import { sampleLexicon } from "@/lib/export/fixture";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../../test/fixtures/import", name), "utf8");

describe("reading TBX-Basic", () => {
  it("reads TBX v2 as MultiTerm exports it: termEntry, langSet, tig and ntig, descripGrp, statuses", () => {
    const { file, problems } = readTbx(fixture("multiterm-tbx-v2.tbx"));
    assert.deepEqual(problems, []);
    assert.equal(file!.mainLang, "en-US");
    const [regime, empathy] = file!.concepts;
    assert.equal(regime!.id, "mt-1001");
    assert.equal(regime!.subjectField, "international relations");
    assert.deepEqual(regime!.sections.map((s) => s.lang), ["EN-US", "DE-DE", "ZH-CN"]);
    const en = regime!.sections[0]!;
    assert.match(en.definition!, /^A security arrangement/);
    assert.equal(en.source, "Glossary of the 2013 seminar");
    const zh = regime!.sections[2]!;
    assert.deepEqual(
      zh.terms.map((t) => [t.text, t.status, t.context, t.notes]),
      [
        ["安全机制", "preferred", undefined, ["Used in official translations since 2010."]],
        ["安全体制", "admitted", "建立区域安全体制。", []],
      ],
    );
    assert.equal(zh.terms[1]!.line, 49, "the line of the <term>");
    assert.deepEqual(empathy!.sections[1]!.terms.map((t) => t.text), ["共情", "同理心"]);
  });

  it("reads TBX v3 (DCA) in any languages, with the line of every part", () => {
    const { file } = readTbx(fixture("tbx-basic-en-es.tbx"));
    const [common, cbm] = file!.concepts;
    assert.equal(common!.line, 15);
    assert.deepEqual(common!.sections.map((s) => s.lang), ["en", "es", "fr"]);
    assert.equal(common!.sections[0]!.terms[0]!.context, "The Palme Commission proposed common security in 1982.");
    assert.deepEqual(cbm!.sections[0]!.terms.map((t) => [t.text, t.termType]), [
      ["confidence-building measure", "fullForm"],
      ["CBM", "acronym"],
    ]);
  });

  it("reads back what our own export writes: pinyin, traditional form, gloss and rationale from their notes", () => {
    const lexicon = sampleLexicon();
    const { file, problems } = readTbx(lexiconToTbx(lexicon));
    assert.deepEqual(problems, []);
    const entry = lexicon.entries[0]!;
    const concept = file!.concepts[0]!;
    assert.equal(concept.id, `c-${entry.slug}`);
    const target = concept.sections.find((s) => s.lang === entry.targetLang)!;
    const r = entry.renderings[0]!;
    const t = target.terms[0]!;
    assert.deepEqual([t.text, t.pinyin, t.gloss, t.rationale ?? ""], [r.text, r.pinyin, r.gloss, r.rationale]);
    assert.deepEqual(t.notes, [], "the candidate note and known notes are not kept as other notes");
  });

  const refusals: [string, string, RegExp, number][] = [
    ["not well-formed", '<?xml version="1.0"?>\n<tbx type="TBX-Basic">\n  <text><body>\n  </bdy></text>\n</tbx>', /close tag/, 4],
    ["an unknown entity", '<tbx type="TBX-Basic">\n<text>&bogus;</text></tbx>', /entity/i, 2],
    ["a DTD internal subset (entity expansion, XXE)", '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<tbx type="TBX-Basic"><text><body/></text></tbx>', /internal subset/, 2],
    ["another XML vocabulary", '<?xml version="1.0"?>\n<html><body/></html>', /not a TBX file/, 2],
    ["another TBX dialect", '<tbx type="TBX-Linguist" style="dca" xmlns="urn:iso:std:iso:30042:ed-2"><text><body/></text></tbx>', /only TBX-Basic/, 1],
    ["DCT style", '<tbx type="TBX-Basic" style="dct" xmlns="urn:iso:std:iso:30042:ed-2"><text><body/></text></tbx>', /DCA style/, 1],
    ["no concept entries", '<tbx type="TBX-Basic" style="dca" xmlns="urn:iso:std:iso:30042:ed-2">\n<text>\n<body/></text></tbx>', /no <conceptEntry>/, 3],
    [
      "a langSec without a language",
      '<tbx type="TBX-Basic" style="dca" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n<conceptEntry id="a">\n<langSec><termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>',
      /no xml:lang/,
      3,
    ],
    [
      "a termSec without a term",
      '<tbx type="TBX-Basic" style="dca" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n<conceptEntry id="a">\n<langSec xml:lang="en">\n\n<termSec><note>x</note></termSec></langSec></conceptEntry></body></text></tbx>',
      /exactly one <term>/,
      5,
    ],
  ];
  for (const [what, xml, message, line] of refusals) {
    it(`refuses ${what}, with the line`, () => {
      const { file, problems } = readTbx(xml);
      assert.equal(file, null);
      assert.match(problems[0]!.message, message);
      assert.equal(problems[0]!.line, line);
    });
  }

  it("never expands entities: a billion-laughs file is refused at once", () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>`;
    const { file, problems } = readTbx(laughs);
    assert.equal(file, null);
    assert.ok(problems.length > 0);
  });
});

describe("reading the lexicon CSV", () => {
  it("parses RFC 4180: quotes, doubled quotes, line breaks inside fields, CRLF; each record with its first line", () => {
    const { records, problems } = parseCsvRecords('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\r\nlast,1');
    assert.deepEqual(problems, []);
    assert.deepEqual(records, [
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 3, fields: ["two\nlines", "z"] },
      { line: 5, fields: ["last", "1"] },
    ]);
  });

  it("refuses malformed quoting and ragged rows with their lines", () => {
    assert.deepEqual(parseCsvRecords('a,b\n1,"open\n2,3').problems, [{ line: 2, message: "A quoted field is never closed (a missing double quote)." }]);
    assert.equal(parseCsvRecords('a,b\n1,x"y').problems[0]!.line, 2);
    assert.equal(parseCsvRecords('a,b\n1,"x"y').problems[0]!.line, 2);
    const ragged = readCsv("headword,rendering\nempathy,共情\ntrust,互信,extra\n");
    assert.equal(ragged.file, null);
    assert.deepEqual(ragged.problems, [{ line: 3, message: "The row has 3 fields; the header has 2." }]);
    assert.match(readCsv("name,value\nx,y\n").problems[0]!.message, /no "headword" column/);
  });

  it("reads back our own export (and the spreadsheet variant's byte order mark and formula guard): one concept per term", () => {
    const lexicon = sampleLexicon();
    lexicon.entries[0]!.renderings[0]!.gloss = "=1+1 looks like a formula";
    for (const excel of [false, true]) {
      const { file, problems } = readCsv(lexiconToCsv(lexicon, { excel }));
      assert.deepEqual(problems, []);
      assert.equal(file!.concepts.length, lexicon.entries.length);
      const c = file!.concepts[0]!;
      const e = lexicon.entries[0]!;
      assert.equal(c.id, `c-${e.slug}`);
      assert.deepEqual(c.languages, { source: e.sourceLang, target: e.targetLang });
      assert.deepEqual(c.sections[1]!.terms.map((t) => t.text), e.renderings.map((r) => r.text));
      assert.equal(c.sections[1]!.terms[0]!.gloss, "=1+1 looks like a formula");
    }
  });
});

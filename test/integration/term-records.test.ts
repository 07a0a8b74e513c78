import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine, freshDatabase } from "@/test/support/db";
import { jingAvailable, tbxSchemaErrors } from "@/test/support/jing";
import { addRendering, createActor, grade, makeTerm } from "@/test/support/factories";
import { expectAppError, expectInvalid } from "@/test/support/expect";
import { db, setDb } from "@/server/db/client";
import { proposeRendering, editRendering } from "@/server/deliberation/renderings";
import { listDecisions, recordDecision } from "@/server/decisions/service";
import { createTerm, editTerm, moveStage } from "@/server/terms/admin";
import { getTerm } from "@/server/terms/read";
import { lexiconExportResponse, loadLexicon } from "@/server/exports/lexicon";
import { importFromRequest } from "@/server/imports/lexicon";
import { lexiconToTbx } from "@/lib/export/tbx";
import { lexiconToCsv, LEXICON_CSV_COLUMNS } from "@/lib/export/csv";
import { parseCsvRecords } from "@/lib/import/csv";
import { lexiconExportSchema, type LexiconExport } from "@/lib/schemas/lexicon";
import { decisionViewSchema } from "@/lib/schemas/decision";
import type { Actor } from "@/lib/permissions";

/**
 * Issue 14: term records as term committees write them — synonym classes (CY/T 119-2015) on
 * renderings and decisions, usage regions with one adopted form per region, bilingual term
 * fields — through the services, the exports (TBX checked by the official schemas) and the
 * import, on both databases.
 */

const statement = { statementEn: "Adopted; Taiwan keeps its own form.", statementZh: "择优选用，求同存异。" };
const importFile = (actor: Actor | null, body: string, type: string) =>
  importFromRequest(actor, new Request("http://localhost/api/lexicon/import", { method: "POST", headers: { "content-type": type }, body }));

/** A third-party TBX-Basic file with regions, classes and definitions in both languages. */
const THIRD_PARTY = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>A cross-strait glossary</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="info-01">
      <langSec xml:lang="en">
        <descrip type="definition">Knowledge communicated about a fact or circumstance.</descrip>
        <note>A test entry.</note>
        <termSec><term>information security governance</term><descrip type="context">Information security governance is a board matter.</descrip></termSec>
      </langSec>
      <langSec xml:lang="zh-Hans">
        <descrip type="definition">关于事实或情况所传达的知识。</descrip>
        <note>两岸用语不同。</note>
        <termSec><term>信息安全治理</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote><termNote type="geographicalUsage">zh-CN</termNote><descrip type="context">信息安全治理是董事会的事务。</descrip></termSec>
        <termSec><term>資訊安全治理</term><termNote type="geographicalUsage">TW</termNote></termSec>
        <termSec><term>信安治理</term><termNote type="termType">shortForm</termNote></termSec>
        <termSec><term>资讯保安管治</term><termNote type="geographicalUsage">HK</termNote><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`;

describeEachEngine("term records (issue 14)", ({ database }) => {
  it("proposals carry a region and a suggested class; decisions adopt one form per region, with classes", async () => {
    const { db: client } = database();
    const term = await makeTerm(client);
    const [china, canada] = [await createActor(client, { delegation: "China" }), await createActor(client, { delegation: "Canada" })];
    const f = await createActor(client, { role: "facilitator" });
    const a = await addRendering(client, term.id, "多元共商");
    const b = await addRendering(client, term.id, "多元共生");
    const c = await addRendering(client, term.id, "多元共进");
    const tw = await proposeRendering(china, term.slug, { text: "多元協商", gloss: "many negotiating", rationale: "Taiwan usage", region: "TW", synonymClass: "standard" });
    assert.deepEqual([tw.region, tw.synonymClass, tw.text], ["TW", "standard", "多元協商"], "stored as written, not converted");
    const tw2 = await proposeRendering(canada, term.slug, { text: "多元諮商", gloss: "many counselling", rationale: "also heard in Taiwan", region: "TW" });
    await expectInvalid(proposeRendering(china, term.slug, { text: "多元合商", gloss: "g", rationale: "r", region: "FR" }), "region", "region_invalid");
    await expectInvalid(proposeRendering(china, term.slug, { text: "多元合商", gloss: "g", rationale: "r", synonymClass: "best" }), "synonymClass", "synonym_class_invalid");
    const edited = await editRendering(canada, tw2.id, { synonymClass: "alternative", region: "" });
    assert.deepEqual([edited.region, edited.synonymClass], [null, "alternative"], "the proposer corrects region and class");
    await editRendering(canada, tw2.id, { region: "TW" });

    for (const voter of [china, canada]) await grade(client, voter, term.id, { [a.id]: "very_good", [b.id]: "good", [c.id]: "poor", [tw.id]: "good", [tw2.id]: "acceptable" });
    await moveStage(f, term.slug, { stage: "provisional" });

    // Two adopted forms for Taiwan, or a "regional" form without a region: refused with codes.
    const twice = (await expectAppError(recordDecision(f, term.slug, { adoptedRenderingId: a.id, regionalIds: [tw.id, tw2.id], ...statement }), "invalid")).details;
    assert.deepEqual(twice.fields, { regionalIds: ["region_adopted_twice"] });
    const noRegion = (await expectAppError(recordDecision(f, term.slug, { adoptedRenderingId: a.id, regionalIds: [b.id], ...statement }), "invalid")).details;
    assert.deepEqual(noRegion.fields, { regionalIds: ["regional_needs_region"] });
    await expectInvalid(recordDecision(f, term.slug, { adoptedRenderingId: a.id, admittedIds: [b.id], synonymClasses: { [b.id]: "former" }, ...statement }), "synonymClasses", "class_not_for_place");

    const d = await recordDecision(f, term.slug, {
      adoptedRenderingId: a.id,
      regionalIds: [tw.id],
      admittedIds: [b.id],
      deprecatedIds: [c.id],
      synonymClasses: { [b.id]: "short", [c.id]: "former" },
      ...statement,
    });
    assert.doesNotThrow(() => decisionViewSchema.parse(d));
    assert.deepEqual(
      [d.adopted, ...d.regional, ...d.admitted, ...d.deprecated].map((r) => [r.text, r.synonymClass, r.region]),
      [
        ["多元共商", "standard", null],
        ["多元協商", "standard", "TW"],
        ["多元共生", "short", null],
        ["多元共进", "former", null],
      ],
    );
    assert.deepEqual((await listDecisions(term.id))[0], d, "read back as recorded");

    // The exports: JSON, CSV columns, TBX valid against the official schemas.
    const lexicon = await loadLexicon(term.slug);
    assert.doesNotThrow(() => lexiconExportSchema.parse(lexicon));
    assert.deepEqual(
      lexicon.entries[0]!.renderings.map((r) => [r.text, r.status, r.synonymClass, r.region]),
      [
        ["多元共商", "preferred", "standard", null],
        ["多元協商", "preferred", "standard", "TW"],
        ["多元共生", "admitted", "short", null],
        ["多元共进", "deprecated", "former", null],
      ],
    );
    const csv = await (await lexiconExportResponse(new Request(`http://localhost/api/terms/${term.slug}/export.csv`), "csv", term.slug)).text();
    const [header, ...rows] = parseCsvRecords(csv).records.map((r) => r.fields);
    assert.deepEqual(header, [...LEXICON_CSV_COLUMNS]);
    const col = (name: string) => header!.indexOf(name as (typeof LEXICON_CSV_COLUMNS)[number]);
    assert.deepEqual(
      rows.map((r) => [r[col("rendering")], r[col("synonym_class")], r[col("region")]]),
      [
        ["多元共商", "standard", ""],
        ["多元協商", "standard", "TW"],
        ["多元共生", "short", ""],
        ["多元共进", "former", ""],
      ],
    );
    const tbx = await (await lexiconExportResponse(new Request(`http://localhost/api/terms/${term.slug}/export.tbx`), "tbx", term.slug)).text();
    assert.match(tbx, /<termNote type="geographicalUsage">TW<\/termNote>/);
    assert.match(tbx, /<termNote type="administrativeStatus">supersededTerm-admn-sts<\/termNote>/);
    assert.match(tbx, /<termNote type="termType">shortForm<\/termNote>/);
    if (jingAvailable()) assert.deepEqual(tbxSchemaErrors(tbx), []);
  });

  it("terms have definition, context and note in both languages, and a validated BCP 47 target", async () => {
    const f = await createActor(db(), { role: "facilitator" });
    const created = await createTerm(f, {
      headword: "cross-strait terminology",
      targetLang: "zh-hant",
      definition: "Terms used on both sides of the Taiwan Strait.",
      definitionTarget: "兩岸使用的術語。",
      contextTarget: "兩岸術語對照。",
      note: "Source note.",
    });
    assert.equal(created.targetLang, "zh-Hant", "the tag in its canonical case");
    assert.deepEqual([created.definitionTarget, created.contextTarget, created.note, created.noteTarget], ["兩岸使用的術語。", "兩岸術語對照。", "Source note.", ""]);
    const edited = await editTerm(f, created.slug, { noteTarget: "繁體書寫，不作轉換。" });
    assert.equal(edited.noteTarget, "繁體書寫，不作轉換。");
    await expectInvalid(editTerm(f, created.slug, { targetLang: "zh_TW" }), "targetLang", "language_invalid");
    await expectInvalid(createTerm(f, { headword: "x", definitionTarget: "长".repeat(4001) }), "definitionTarget", "definition_too_long");
    const read = await getTerm(created.slug);
    assert.deepEqual([read.definitionTarget, read.noteTarget, read.targetLang], ["兩岸使用的術語。", "繁體書寫，不作轉換。", "zh-Hant"]);
  });

  it("imports regions, classes and bilingual definitions from TBX; import → export → import changes nothing", async () => {
    const f = await createActor(db(), { role: "facilitator" });
    const first = await importFile(f, THIRD_PARTY, "application/xml");
    assert.deepEqual([first.created, first.updated, first.errors], [1, 0, []]);
    const slug = first.concepts[0]!.slug!;
    const term = await db().term.findUniqueOrThrow({ where: { slug }, include: { renderings: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } });
    assert.deepEqual(
      [term.definition, term.note, term.context, term.definitionTarget, term.noteTarget, term.contextTarget],
      ["Knowledge communicated about a fact or circumstance.", "A test entry.", "Information security governance is a board matter.", "关于事实或情况所传达的知识。", "两岸用语不同。", "信息安全治理是董事会的事务。"],
    );
    assert.deepEqual(
      term.renderings.map((r) => [r.text, r.region, r.synonymClass]),
      [
        ["信息安全治理", "CN", ""],
        ["資訊安全治理", "TW", ""],
        ["信安治理", "", "short"],
        ["资讯保安管治", "HK", "former"],
      ],
      "written forms as written: the Taiwan form stays in traditional characters",
    );

    // Export and import the export again, as TBX and as CSV: nothing changes.
    const exported = await loadLexicon(slug);
    const tbx = lexiconToTbx(exported);
    if (jingAvailable()) assert.deepEqual(tbxSchemaErrors(tbx), [], "with regions, classes and both languages' definitions");
    const rows = async () => (await db().term.findMany({ where: { slug }, include: { renderings: { orderBy: { id: "asc" } } } }));
    const before = await rows();
    for (const [body, type] of [
      [tbx, "application/xml"],
      [lexiconToCsv(exported), "text/csv"],
    ] as const) {
      for (const round of [1, 2]) {
        const r = await importFile(f, body, type);
        assert.deepEqual([r.created, r.updated, r.errors], [0, 0, []], `${type}, round ${round}`);
      }
    }
    assert.deepEqual(await rows(), before);

    // Into an empty database, TBX and CSV alike: the same record comes out again.
    const original = database().db;
    const comparable = (l: LexiconExport) =>
      l.entries.map(({ createdAt: _c, updatedAt: _u, renderings, ...e }) => ({ ...e, renderings: renderings.map(({ id: _i, ...r }) => r) }));
    for (const [body, type] of [
      [tbx, "application/xml"],
      [lexiconToCsv(exported), "text/csv"],
    ] as const) {
      const fresh = await freshDatabase(database().engine);
      try {
        setDb(fresh.db);
        const admin = await createActor(fresh.db, { role: "admin" });
        assert.equal((await importFile(admin, body, type)).created, 1);
        assert.deepEqual(comparable(await loadLexicon()), comparable(exported), type);
      } finally {
        setDb(original);
        await fresh.drop();
      }
    }
  });
});

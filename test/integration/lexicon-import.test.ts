import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { describeEachEngine, freshDatabase } from "@/test/support/db";
import { createActor, grade } from "@/test/support/factories";
import { jingAvailable, tbxSchemaErrors } from "@/test/support/jing";
import { expectInvalid, expectAppError } from "@/test/support/expect";
import { seed } from "@/server/seed/seed";
import { db, setDb, type Db } from "@/server/db/client";
import { importFromRequest } from "@/server/imports/lexicon";
import { loadLexicon } from "@/server/exports/lexicon";
import { lexiconToTbx } from "@/lib/export/tbx";
import { lexiconToCsv } from "@/lib/export/csv";
import type { Actor } from "@/lib/permissions";
import type { ImportReport } from "@/lib/schemas/lexicon-import";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/import", name), "utf8");
const XML = "application/xml";
const CSV = "text/csv";

function importFile(actor: Actor | null, body: string, type = XML, query = ""): Promise<ImportReport> {
  const req = new Request(`http://localhost/api/lexicon/import${query}`, { method: "POST", headers: { "content-type": type }, body });
  return importFromRequest(actor, req);
}

/** Everything an import could change, to prove one changed nothing. */
async function snapshot(client: Db = db()) {
  const [terms, renderings, ballots, events, decisions, audit, termEvents] = await Promise.all([
    client.term.findMany({ orderBy: { id: "asc" }, select: { id: true, slug: true, headword: true, definition: true, stage: true, tallyVersion: true, updatedAt: true } }),
    client.rendering.findMany({ orderBy: { id: "asc" }, select: { id: true, text: true, status: true, updatedAt: true } }),
    client.ballot.findMany({ orderBy: { id: "asc" }, select: { id: true, grades: true, revision: true } }),
    client.ballotEvent.count(),
    client.decision.findMany({ orderBy: { id: "asc" } }),
    client.auditEntry.count(),
    client.termEvent.count(),
  ]);
  return { terms, renderings, ballots, events, decisions, audit, termEvents };
}

const renderingsOf = async (slug: string) =>
  (await db().rendering.findMany({ where: { term: { slug } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((r) => r.text);

describeEachEngine("lexicon import", ({ database }) => {
  let facilitator: Actor;

  it("imports a MultiTerm TBX v2 file: matches a term by headword, creates a new one, skips a third language", async () => {
    await seed(database().db);
    facilitator = await createActor(db(), { role: "facilitator" });
    const report = await importFile(facilitator, fixture("multiterm-tbx-v2.tbx"), XML, "?name=security.tbx");
    assert.deepEqual([report.created, report.updated, report.skipped, report.errors], [1, 1, 0, []]);
    assert.equal(report.sourceLang, "en-US");
    assert.equal(report.targetLang, "zh-CN");
    assert.equal(report.languageSectionsSkipped, 1, "the German section");
    assert.equal(report.renderingsAdded, 4);

    const empathy = report.concepts.find((c) => c.headword === "empathy")!;
    assert.deepEqual([empathy.action, empathy.matchedBy, empathy.slug], ["update", "headword", "empathy"]);
    assert.deepEqual(await renderingsOf("empathy"), ["共情", "同理心"]);

    const regime = await db().term.findUniqueOrThrow({ where: { slug: "security-regime" }, include: { renderings: { orderBy: { createdAt: "asc" } } } });
    assert.equal(regime.stage, "draft");
    assert.equal(regime.sourceLang, "en-US");
    assert.equal(regime.targetLang, "zh-CN");
    assert.equal(regime.subjectField, "international relations");
    assert.equal(regime.source, "Glossary of the 2013 seminar");
    assert.match(regime.definition, /^A security arrangement/);
    assert.equal(regime.createdById, facilitator.id);
    const [mechanism, system] = regime.renderings;
    assert.equal(mechanism!.text, "安全机制");
    assert.equal(mechanism!.pinyin, "ān quán jī zhì", "pinyin derived, as for a proposal");
    assert.equal(mechanism!.traditional, "安全機制");
    assert.equal(mechanism!.proposerId, facilitator.id, "the importer is the proposer");
    assert.equal(mechanism!.proposerLabel, "Imported from security.tbx");
    assert.match(mechanism!.rationale, /Used in official translations since 2010\.\nIn the imported file: preferred term/);
    assert.match(system!.rationale, /Context: 建立区域安全体制。/);

    const audit = await db().auditEntry.findMany({ where: { entityId: regime.id }, orderBy: { id: "asc" } });
    assert.deepEqual(audit.map((a) => [a.action, a.actorId]), [
      ["term.create", facilitator.id],
      ["term.import", facilitator.id],
    ]);
    assert.equal((audit[0]!.after as { via: string }).via, "import of security.tbx");
  });

  it("importing the same file again changes nothing", async () => {
    const before = await snapshot();
    const again = await importFile(facilitator, fixture("multiterm-tbx-v2.tbx"), XML, "?name=security.tbx");
    assert.deepEqual([again.created, again.updated, again.skipped, again.renderingsAdded], [0, 0, 2, 0]);
    assert.ok(again.concepts.every((c) => c.action === "unchanged" && c.renderings.every((r) => r.outcome === "exists")));
    assert.deepEqual(await snapshot(), before);
  });

  it("imports any language pair (en → es) with several language sections; a preview writes nothing and says the same", async () => {
    const file = fixture("tbx-basic-en-es.tbx");
    const before = await snapshot();
    const preview = await importFile(facilitator, file, XML, "?dryRun=1");
    assert.equal(preview.dryRun, true);
    assert.deepEqual(await snapshot(), before, "a preview writes nothing");
    const report = await importFile(facilitator, file);
    assert.deepEqual({ ...preview, dryRun: false }, report, "the preview said exactly what the import did");
    assert.deepEqual([report.created, report.updated, report.sourceLang, report.targetLang, report.languageSectionsSkipped], [2, 0, "en", "es", 1]);
    const cbm = await db().term.findUniqueOrThrow({ where: { slug: "confidence-building-measure" } });
    assert.deepEqual([cbm.headword, cbm.abbreviation, cbm.sourceLang, cbm.targetLang], ["confidence-building measure", "CBM", "en", "es"]);
    assert.deepEqual(await renderingsOf("confidence-building-measure"), ["medida de fomento de la confianza", "MFC"]);
    const common = await db().term.findUniqueOrThrow({ where: { slug: "common-security" }, include: { renderings: true } });
    assert.equal(common.context, "The Palme Commission proposed common security in 1982.");
    assert.ok(common.renderings.every((r) => r.pinyin === "" && r.traditional === ""), "no pinyin or traditional form outside Chinese");
  });

  it("a term gains only the renderings it lacks; ballots and decisions are untouched; a published term's candidates stay closed", async () => {
    const scholar = await createActor(db(), { role: "scholar", delegation: "China" });
    const cso = await db().term.findUniqueOrThrow({ where: { slug: "cso" }, include: { renderings: { orderBy: { createdAt: "asc" } } } });
    await grade(db(), scholar, cso.id, { [cso.renderings[0]!.id]: "good" });
    const ballotsBefore = await db().ballot.findMany({ where: { termId: cso.id } });
    // Our own export of CSO, with one rendering it lacks added (in its traditional form: a duplicate).
    const tbx = lexiconToTbx(await loadLexicon("cso"))
      .replace("<term>多元共存</term>", "<term>多元共存</term></termSec><termSec><term>多元共建</term></termSec><termSec><term>多元共進</term>");
    const report = await importFile(facilitator, tbx);
    const c = report.concepts[0]!;
    assert.deepEqual([c.action, c.matchedBy, c.slug], ["update", "id", "cso"]);
    assert.deepEqual(c.renderings.filter((r) => r.outcome === "add").map((r) => r.text), ["多元共建"]);
    assert.equal(c.renderings.find((r) => r.text === "多元共進")!.outcome, "exists", "the duplicate rule folds traditional to simplified");
    assert.deepEqual(await db().ballot.findMany({ where: { termId: cso.id } }), ballotsBefore);

    // Published: nothing is added to it.
    const trust = await db().term.update({ where: { slug: "trust-building" }, data: { stage: "published" } });
    const before = await snapshot();
    const closed = await importFile(facilitator, fixture("tbx-basic-en-zh.tbx"), XML, "?dryRun=true");
    const trustPlan = closed.concepts.find((x) => x.slug === trust.slug)!;
    assert.equal(trustPlan.action, "unchanged");
    assert.deepEqual(trustPlan.renderings.map((r) => r.outcome), ["closed", "closed"]);
    assert.deepEqual(await snapshot(), before);
    await db().term.update({ where: { id: trust.id }, data: { stage: "draft" } });
  });

  it("an invalid rendering is left out with its line and the rest is imported", async () => {
    const report = await importFile(facilitator, fixture("tbx-basic-en-zh.tbx"));
    assert.deepEqual([report.created, report.updated], [1, 1]);
    assert.deepEqual(report.errors, [{ line: 44, message: "“JD外交”: a Chinese rendering may contain only Chinese characters, spaces and the separators • · ・; it was not imported." }]);
    assert.deepEqual(await renderingsOf("trust-building"), ["建立互信", "互信建设"]);
    const joint = await db().rendering.findFirstOrThrow({ where: { term: { slug: "joint-diplomacy" } } });
    assert.deepEqual([joint.text, joint.pinyin, joint.gloss], ["联合外交", "lián hé wài jiāo", "joint diplomacy"]);
  });

  it("a file that is not well-formed or not TBX-Basic is refused with line-numbered errors, and nothing is written", async () => {
    const before = await snapshot();
    const good = fixture("tbx-basic-en-es.tbx").replace(/common security|confidence-building measure/g, "x$&");
    const cases: [string, string, number, RegExp][] = [
      // Broken in the second concept: the first must not be written either.
      [good.replace("<term>MFC</term>", "<term>MFC</trm>"), XML, 60, /close tag/],
      [good.replace('<langSec xml:lang="fr">', "<langSec>"), XML, 38, /no xml:lang/],
      [good.replace('type="TBX-Basic"', 'type="TBX-Linguist"'), XML, 6, /only TBX-Basic/],
      ["headword,rendering\nx-one,一个\n\"x-two,两个\n", CSV, 3, /never closed/],
    ];
    for (const [body, type, line, message] of cases) {
      const { details } = await expectAppError(importFile(facilitator, body, type), "invalid");
      const errors = details.errors as { line: number; message: string }[];
      assert.equal(errors[0]!.line, line, JSON.stringify(errors));
      assert.match(errors[0]!.message, message);
    }
    await expectAppError(importFile(facilitator, "", XML), "bad_request");
    await expectAppError(importFile(facilitator, "headword\nx", "application/json"), "bad_request");
    await expectInvalid(importFile(facilitator, "<tbx/>", XML, "?source=not a language"), "source", "language_invalid");
    // Not UTF-8 (Latin-1 bytes): refused with the line.
    const latin1 = new Request("http://localhost/api/lexicon/import", { method: "POST", headers: { "content-type": CSV }, body: Buffer.from("headword\nfa\xe7ade\n", "latin1") });
    const { details } = await expectAppError(importFromRequest(facilitator, latin1), "invalid");
    assert.deepEqual(details.errors, [{ line: 2, message: "not UTF-8" }]);
    assert.deepEqual(await snapshot(), before);
  });

  it("only facilitators and admins import: a scholar gets 403, nobody 401", async () => {
    const before = await snapshot();
    const scholar = await createActor(db(), { role: "scholar" });
    await expectAppError(importFile(scholar, fixture("tbx-basic-en-es.tbx")), "forbidden");
    await expectAppError(importFile(null, fixture("tbx-basic-en-es.tbx")), "unauthorized");
    const admin = await createActor(db(), { role: "admin" });
    const dry = await importFile(admin, fixture("tbx-basic-en-es.tbx"), XML, "?dryRun=1");
    assert.equal(dry.created, 0);
    assert.deepEqual(await snapshot(), before);
  });

  it("round-trips: import → export → import changes nothing, in TBX and CSV; a fresh database gets the same lexicon; the export stays valid TBX-Basic", async () => {
    const exported = await loadLexicon();
    const tbx = lexiconToTbx(exported);
    if (jingAvailable()) assert.deepEqual(tbxSchemaErrors(tbx), [], "the export after imports is valid TBX-Basic");
    const before = await snapshot();
    for (const [body, type] of [
      [tbx, XML],
      [lexiconToCsv(exported), CSV],
      [lexiconToCsv(exported, { excel: true }), CSV],
    ] as const) {
      const r = await importFile(facilitator, body, type);
      assert.deepEqual([r.created, r.updated, r.errors], [0, 0, []], type);
    }
    assert.deepEqual(await snapshot(), before);

    // Into an empty database: the same terms and renderings come out again.
    const original = database().db;
    const fresh = await freshDatabase(database().engine);
    try {
      setDb(fresh.db);
      const admin = await createActor(fresh.db, { role: "admin" });
      const r = await importFile(admin, tbx);
      assert.equal(r.created, exported.entries.length);
      const again = await loadLexicon();
      const comparable = (l: typeof exported) =>
        l.entries.map(({ slug, headword, abbreviation, definition, context, source, subjectField, sourceLang, targetLang, renderings }) => ({
          slug,
          headword,
          abbreviation,
          definition,
          context,
          source,
          subjectField,
          sourceLang,
          targetLang,
          renderings: renderings.map(({ text, pinyin, traditional, gloss, rationale }) => ({ text, pinyin, traditional, gloss, rationale })),
        }));
      const open = (l: typeof exported) => comparable({ ...l, entries: l.entries.filter((e) => e.stage !== "published") });
      assert.deepEqual(open(again), open(exported));
      if (jingAvailable()) assert.deepEqual(tbxSchemaErrors(lexiconToTbx(again)), []);
    } finally {
      setDb(original);
      await fresh.drop();
    }
  });
});

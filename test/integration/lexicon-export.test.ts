import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor } from "@/test/support/factories";
import { checkTbxBasic } from "@/test/support/tbx-basic";
import { jingAvailable, tbxSchemaErrors } from "@/test/support/jing";
import { seed } from "@/server/seed/seed";
import { db } from "@/server/db/client";
import { lexiconExportResponse, loadLexicon } from "@/server/exports/lexicon";
import { lexiconExportSchema } from "@/lib/schemas/lexicon";

const request = (path: string) => new Request(`http://localhost${path}`);

describeEachEngine("lexicon export", ({ database }) => {
  it("exports every term; an open term's active renderings are candidates, hidden and withdrawn ones never", async () => {
    await seed(database().db);
    const cso = await db().term.findUniqueOrThrow({ where: { slug: "cso" }, include: { renderings: { orderBy: { createdAt: "asc" } } } });
    const [r1, r2] = cso.renderings;
    await db().rendering.update({ where: { id: r1!.id }, data: { status: "hidden" } });
    await db().rendering.update({ where: { id: r2!.id }, data: { status: "withdrawn" } });

    const lexicon = await loadLexicon();
    assert.equal(lexicon.entries.length, await db().term.count());
    const entry = lexicon.entries.find((e) => e.slug === "cso")!;
    assert.equal(entry.decision, null);
    assert.deepEqual(entry.renderings.map((r) => r.status), ["candidate", "candidate", "candidate"]);
    assert.ok(!entry.renderings.some((r) => r.id === r1!.id || r.id === r2!.id));
    assert.doesNotThrow(() => lexiconExportSchema.parse(lexicon));
  });

  it("a published term exports what its decision names, with its standing; a reopened one goes back to candidates", async () => {
    const facilitator = await createActor(db(), { role: "facilitator" });
    const cso = await db().term.findUniqueOrThrow({ where: { slug: "cso" }, include: { renderings: { orderBy: { createdAt: "asc" } } } });
    const [, withdrawn, r3, r4, r5] = cso.renderings;
    await db().term.update({ where: { id: cso.id }, data: { stage: "published" } });
    await db().decision.create({
      data: {
        termId: cso.id,
        adoptedRenderingId: r4!.id,
        admittedIds: [r3!.id],
        deprecatedIds: [withdrawn!.id],
        statementEn: "Adopted by consensus.",
        statementZh: "经协商一致通过。",
        decidedById: facilitator.id,
        snapshot: {},
      },
    });
    const entry = (await loadLexicon("cso")).entries[0]!;
    assert.equal(entry.decision?.statementZh, "经协商一致通过。");
    assert.equal(entry.decision?.decidedBy, facilitator.name);
    assert.deepEqual(
      entry.renderings.map((r) => [r.id, r.status]),
      [
        [r4!.id, "preferred"],
        [r3!.id, "admitted"],
        [withdrawn!.id, "deprecated"],
      ],
      "the deprecated form is exported although withdrawn; an active rendering the decision does not name is not",
    );
    assert.ok(!entry.renderings.some((r) => r.id === r5!.id));

    const res = await lexiconExportResponse(request("/api/terms/cso/export.tbx"), "tbx", "cso");
    assert.match(res.headers.get("content-type")!, /xml/);
    assert.match(res.headers.get("content-disposition")!, /^attachment; filename="gongshang-cso-\d{4}-\d{2}-\d{2}\.tbx"$/);
    const tbx = await res.text();
    assert.deepEqual(checkTbxBasic(tbx), []);
    if (jingAvailable()) assert.deepEqual(tbxSchemaErrors(tbx), [], "the official TBX-Basic schemas accept the decided term");
    assert.match(tbx, /<term>多元共商<\/term>\s*<termNote type="administrativeStatus">preferredTerm-admn-sts<\/termNote>/);
    assert.match(tbx, /deprecatedTerm-admn-sts/);

    // Reopened: the decision is superseded and the renderings are candidates again.
    await db().decision.updateMany({ where: { termId: cso.id }, data: { supersededAt: new Date() } });
    await db().term.update({ where: { id: cso.id }, data: { stage: "consultation" } });
    const reopened = (await loadLexicon("cso")).entries[0]!;
    assert.equal(reopened.decision, null);
    assert.ok(reopened.renderings.every((r) => r.status === "candidate"));
    assert.ok(!reopened.renderings.some((r) => r.id === withdrawn!.id));
  });

  it("serves each format of the whole lexicon with a file name, and Excel's CSV with a BOM", async () => {
    const tbx = await (await lexiconExportResponse(request("/api/lexicon.tbx"), "tbx")).text();
    assert.deepEqual(checkTbxBasic(tbx), []);
    if (jingAvailable()) assert.deepEqual(tbxSchemaErrors(tbx), [], "the official TBX-Basic schemas accept the whole lexicon");
    const csv = await lexiconExportResponse(request("/api/lexicon.csv"), "csv");
    assert.match(csv.headers.get("content-type")!, /^text\/csv; charset=utf-8/);
    assert.match(csv.headers.get("content-disposition")!, /filename="gongshang-lexicon-[\d-]+\.csv"/);
    const plain = new Uint8Array(await csv.arrayBuffer());
    assert.notEqual(plain[0], 0xef, "no BOM unless asked");
    const excel = new Uint8Array(await (await lexiconExportResponse(request("/api/lexicon.csv?bom=1"), "csv")).arrayBuffer());
    assert.deepEqual([...excel.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const json = await lexiconExportResponse(request("/api/lexicon.json"), "json");
    assert.ok(lexiconExportSchema.parse(await json.json()).entries.length > 1);
  });

  it("an unknown term is not found", async () => {
    await assert.rejects(loadLexicon("no-such-term"), /not found/);
  });
});

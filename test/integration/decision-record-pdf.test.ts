import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, addRendering, grade, makeTerm } from "@/test/support/factories";
import { popplerAvailable, pdfFonts, pdfInfo, pdfText } from "@/test/support/pdf-text";
import { recordDecision } from "@/server/decisions/service";
import { decisionRecordPdf } from "@/server/decisions/record-pdf";
import { moveStage } from "@/server/terms/admin";
import { expectAppError } from "@/test/support/expect";

/** Issue 15, item 7: the printable bilingual record, read back with poppler. */

const statement = {
  statementEn: "Both delegations can live with 多元共商; it keeps the sense of consultation.",
  statementZh: "双方代表团均可接受“多元共商”，它保留了协商之义。",
};

describeEachEngine("decision record PDF", ({ database }) => {
  it("A4, the CJK font embedded as a subset, with the Hanzi, pinyin, both statements, blocks, voters and the digest", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const t0 = Date.now() - 10_000;
    const a = await addRendering(db, term.id, "多元共商", undefined, new Date(t0));
    const b = await addRendering(db, term.id, "多元共生", undefined, new Date(t0 + 1000));
    const c = await addRendering(db, term.id, "多元共存", undefined, new Date(t0 + 2000));
    const china = await createActor(db, { delegation: "China" });
    const canada = await createActor(db, { delegation: "Canada" });
    await grade(db, china, term.id, { [a.id]: "very_good", [b.id]: "good", [c.id]: "reject" }, { [c.id]: "静态，缺乏协商之义。" });
    await grade(db, canada, term.id, { [a.id]: "excellent", [b.id]: "acceptable", [c.id]: "good" });
    const f = await createActor(db, { role: "facilitator", name: "Fay Facilitator" });
    await moveStage(f, term.slug, { stage: "provisional" });
    const d = await recordDecision(f, term.slug, { adoptedRenderingId: a.id, admittedIds: [b.id], deprecatedIds: [c.id], ...statement });

    const pdf = await decisionRecordPdf(term.slug, d.id, "https://lexicon.example.org");
    assert.equal(pdf.bytes.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.ok(pdf.bytes.length < 400_000, `a subset, not the 8 MB font: ${pdf.bytes.length} bytes`);
    if (!popplerAvailable()) return;

    assert.match(pdfInfo(pdf.bytes), /Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const fonts = pdfFonts(pdf.bytes);
    // name, type, encoding, emb, sub, uni: every font embedded, as a subset (ABCDEF+ prefix).
    const rows = fonts.split("\n").slice(2).filter((l) => l.trim());
    assert.ok(rows.length > 0);
    for (const row of rows) assert.match(row, /^[A-Z]{6}\+NotoSansHans-\S+\s.*\byes\s+yes\s+yes\b/, row);

    const text = pdfText(pdf.bytes);
    const flat = text.replace(/\s+/g, " ");
    for (const expected of ["多元共商", "duō yuán gòng shāng", "多元共生", "多元共存", "正名", "又称", term.headword, "Fay Facilitator", "China: 1", "Canada: 1"]) {
      assert.ok(flat.includes(expected), `the PDF text holds ${expected}`);
    }
    // Both statements, whole (a line break may fall anywhere in them).
    const squeeze = (s: string) => s.replace(/\s+/g, "");
    assert.ok(squeeze(text).includes(squeeze(statement.statementEn)), "the English statement");
    assert.ok(squeeze(text).includes(squeeze(statement.statementZh)), "the Chinese statement");
    // The block of 多元共存 by China, with its reason; the digest; the pairwise summary.
    assert.ok(squeeze(text).includes(squeeze("blocked by China (median Reject)")));
    assert.ok(squeeze(text).includes("静态，缺乏协商之义。"));
    assert.ok(flat.includes(d.ballotsDigest!), "the digest");
    assert.ok(squeeze(text).includes(squeeze(`/api/terms/${term.slug}/decisions/${d.id}/ballots`)));
    assert.ok(squeeze(text).includes("多元共商>多元共生:2–0"), "the pairwise summary");
  });

  it("shows robustness and the explanation when the snapshot carries them, and nothing for them otherwise", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const a = await addRendering(db, term.id, "多元共进");
    await grade(db, await createActor(db, { delegation: "China" }), term.id, { [a.id]: "good" });
    const f = await createActor(db, { role: "facilitator" });
    await moveStage(f, term.slug, { stage: "provisional" });
    const d = await recordDecision(f, term.slug, { adoptedRenderingId: a.id, statementEn: "Adopted.", statementZh: "采用。" });
    if (!popplerAvailable()) return;
    // A decision recorded before results carried them (an older snapshot): nothing for them.
    const row = await db.decision.findUniqueOrThrow({ where: { id: d.id } });
    const snapshot = row.snapshot as { results: Record<string, object> };
    assert.ok(snapshot.results.robustness && snapshot.results.explanation, "new snapshots carry both");
    delete snapshot.results.robustness;
    delete snapshot.results.explanation;
    await db.decision.update({ where: { id: d.id }, data: { snapshot: snapshot as object } });
    const plain = pdfText((await decisionRecordPdf(term.slug, d.id, "http://localhost")).bytes);
    assert.doesNotMatch(plain, /How robust|In plain words/);

    snapshot.results.robustness = { consensus: a.id, blockMargin: { China: 1 }, ballotsToChange: 1, exact: true };
    snapshot.results.explanation = { en: "Only China voted; 多元共进 is acceptable to it.", zh: "只有中国代表团投票；多元共进为其所接受。" };
    await db.decision.update({ where: { id: d.id }, data: { snapshot: snapshot as object } });
    const rich = pdfText((await decisionRecordPdf(term.slug, d.id, "http://localhost")).bytes).replace(/\s+/g, "");
    assert.ok(rich.includes("1ballotofChinawouldhavetochangefor多元共进tostopbeingacceptabletoit."), rich);
    assert.ok(rich.includes("China代表团只要有1张选票改变，多元共进就不再为其所接受。"));
    assert.ok(rich.includes("Only China voted; 多元共进 is acceptable to it.".replace(/\s+/g, "")));
    assert.ok(rich.includes("只有中国代表团投票；多元共进为其所接受。"));
  });

  it("an unknown decision, or one of another term, is not found", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    await expectAppError(decisionRecordPdf(term.slug, "no-such-decision", "http://localhost"), "not_found");
  });
});

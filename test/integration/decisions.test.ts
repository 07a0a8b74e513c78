import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, addRendering, grade, makeTerm, type Rendering } from "@/test/support/factories";
import { getDecision, listDecisions, recordDecision } from "@/server/decisions/service";
import { moveStage } from "@/server/terms/admin";
import { castBallot } from "@/server/ballots/service";
import { getResults } from "@/server/results/service";
import { getTerm } from "@/server/terms/read";
import { expectInvalid, expectAppError } from "@/test/support/expect";
import type { Db } from "@/server/db/client";

async function scene(db: Db) {
  const term = await makeTerm(db, { texts: ["多元共商", "多元共生", "多元共存"], start: new Date(Date.now() - 10_000) });
  const [a, b, c] = term.renderings as [Rendering, Rendering, Rendering];
  const china = await createActor(db, { delegation: "China" });
  const canada = await createActor(db, { delegation: "Canada" });
  await grade(db, china, term.id, { [a.id]: "very_good", [b.id]: "good", [c.id]: "poor" });
  await grade(db, canada, term.id, { [a.id]: "excellent", [b.id]: "acceptable", [c.id]: "reject" }, { [c.id]: "Static." });
  return { term, a, b, c, china, canada };
}

const statement = { statementEn: "Adopted by both delegations.", statementZh: "经双方代表团同意采用。" };

describeEachEngine("decisions", ({ database }) => {
  it("close the consultation → grading refused → decision recorded with a frozen snapshot → published", async () => {
    const { db } = database();
    const { term, a, b, c, china } = await scene(db);
    const f = await createActor(db, { role: "facilitator", name: "Fay Facilitator" });
    await moveStage(f, term.slug, { stage: "provisional" });
    await expectAppError(castBallot(china, term.slug, { grades: { [a.id]: "reject" }, reasons: { [a.id]: "changed my mind" } }), "stage_closed");
    const results = await getResults(term.slug);
    assert.equal(results.consensus, a.id);

    const d = await recordDecision(f, term.slug, { adoptedRenderingId: a.id, admittedIds: [b.id], deprecatedIds: [c.id], ...statement });
    // With no class chosen, the adopted form is the standard term (正名), admitted ones 又称.
    assert.deepEqual(d.adopted, { id: a.id, text: "多元共商", pinyin: "duō yuán gòng shāng", synonymClass: "standard", region: null });
    assert.deepEqual([d.admitted[0]!.synonymClass, d.deprecated[0]!.synonymClass, d.regional], ["alternative", null, []]);
    assert.deepEqual(d.admitted.map((x) => x.text), ["多元共生"]);
    assert.deepEqual(d.deprecated.map((x) => x.text), ["多元共存"]);
    assert.equal(d.decidedBy, "Fay Facilitator");
    assert.equal(d.supersededAt, null);
    assert.equal((await getTerm(term.slug)).stage, "published");

    const { snapshot } = await getDecision(term.slug, d.id);
    assert.deepEqual(snapshot.results, results);
    assert.equal(snapshot.ballotCount, 2);
    assert.deepEqual(snapshot.renderings.map((r) => r.text), ["多元共商", "多元共生", "多元共存"]);
    // Later changes do not touch the frozen snapshot.
    await db.rendering.update({ where: { id: b.id }, data: { status: "hidden" } });
    assert.deepEqual((await getDecision(term.slug, d.id)).snapshot.results, results);
    await expectAppError(getDecision("another-term", d.id), "not_found");

    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "term.decide", entityId: d.id } });
    assert.equal(entry.actorId, f.id);
  });

  it("reopening a published term returns it to consultation and keeps every decision in the history", async () => {
    const { db } = database();
    const { term, a, b } = await scene(db);
    const f = await createActor(db, { role: "facilitator" });
    await moveStage(f, term.slug, { stage: "provisional" });
    const first = await recordDecision(f, term.slug, { adoptedRenderingId: a.id, ...statement });
    await moveStage(f, term.slug, { stage: "consultation", confirmBack: true });
    assert.equal((await getTerm(term.slug)).stage, "consultation");
    const [reopened] = await listDecisions(term.id);
    assert.equal(reopened!.id, first.id);
    assert.ok(reopened!.supersededAt, "the earlier decision is marked superseded, not deleted");
    await moveStage(f, term.slug, { stage: "provisional" });
    const second = await recordDecision(f, term.slug, { adoptedRenderingId: b.id, admittedIds: [a.id], ...statement });
    const history = await listDecisions(term.id);
    assert.deepEqual(history.map((x) => x.id), [second.id, first.id]);
    assert.equal(history[0]!.supersededAt, null);
    assert.ok(history[1]!.supersededAt);
    assert.ok((await db.auditEntry.findFirst({ where: { action: "term.reopen", entityId: term.id } })), "reopen audited");
  });

  it("validation: the renderings must be the term's, active, and the lists disjoint; both statements required", async () => {
    const { db } = database();
    const { term, a, b } = await scene(db);
    const f = await createActor(db, { role: "facilitator" });
    await moveStage(f, term.slug, { stage: "provisional" });
    const foreign = await addRendering(db, (await makeTerm(db)).id, "多元共治");
    await expectInvalid(recordDecision(f, term.slug, { adoptedRenderingId: a.id, admittedIds: [a.id], ...statement }), "adoptedRenderingId", "adopted_also_listed");
    await expectInvalid(recordDecision(f, term.slug, { adoptedRenderingId: a.id, admittedIds: [b.id], deprecatedIds: [b.id], ...statement }), "deprecatedIds", "admitted_and_deprecated");
    await expectInvalid(recordDecision(f, term.slug, { adoptedRenderingId: a.id, statementEn: "yes", statementZh: " " }), "statementZh", "statement_zh_required");
    const { details } = await expectAppError(recordDecision(f, term.slug, { adoptedRenderingId: foreign.id, ...statement }), "invalid");
    assert.deepEqual(details.fields, { adoptedRenderingId: ["not_a_rendering_of_term"] });
    await db.rendering.update({ where: { id: b.id }, data: { status: "withdrawn" } });
    await expectAppError(recordDecision(f, term.slug, { adoptedRenderingId: b.id, ...statement }), "invalid");
    assert.equal((await getTerm(term.slug)).stage, "provisional");
    assert.equal((await listDecisions(term.id)).length, 0);
  });

  it("stage rule: decisions are recorded only on a provisional term", async () => {
    const { db } = database();
    const f = await createActor(db, { role: "facilitator" });
    for (const stage of ["draft", "consultation", "published"] as const) {
      const term = await makeTerm(db, { stage });
      const r = await addRendering(db, term.id, "多元共商");
      await expectAppError(recordDecision(f, term.slug, { adoptedRenderingId: r.id, ...statement }), "stage_closed");
    }
  });

  it("permission: scholars may not record decisions (403); anonymous 401", async () => {
    const { db } = database();
    const { term, a } = await scene(db);
    await db.term.update({ where: { id: term.id }, data: { stage: "provisional" } });
    await expectAppError(recordDecision(await createActor(db), term.slug, { adoptedRenderingId: a.id, ...statement }), "forbidden");
    await expectAppError(recordDecision(null, term.slug, { adoptedRenderingId: a.id, ...statement }), "unauthorized");
    assert.equal((await getTerm(term.slug)).stage, "provisional");
  });
});

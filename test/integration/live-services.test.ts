import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor } from "@/test/support/factories";
import { seed } from "@/server/seed/seed";
import { db } from "@/server/db/client";
import { castBallot } from "@/server/ballots/service";
import { proposeRendering, withdrawRendering } from "@/server/deliberation/renderings";
import { addComment } from "@/server/deliberation/comments";
import { editTerm, moveStage } from "@/server/terms/admin";
import { recordDecision } from "@/server/decisions/service";
import { hideRendering } from "@/server/deliberation/moderation";

/**
 * Every change an open term page shows records its live event (server/live/publish.ts), of the
 * type the page listens for, in the transaction of the change: a failed change records none.
 */
describeEachEngine("services record live term events", ({ database }) => {
  it("grading, proposing, commenting, editing the term, moving its stage and deciding each record their event, in order", async () => {
    await seed(database().db);
    const term = await db().term.findUniqueOrThrow({ where: { slug: "cso" }, include: { renderings: { orderBy: { createdAt: "asc" } } } });
    const since = (await db().termEvent.findFirst({ where: { termId: term.id }, orderBy: { id: "desc" } }))?.id ?? 0;
    const scholar = await createActor(db(), { delegation: "China" });
    const other = await createActor(db(), { delegation: "Canada" });
    const facilitator = await createActor(db(), { role: "facilitator" });
    const [first, second] = term.renderings;

    await castBallot(scholar, "cso", { grades: { [first!.id]: "good" } });
    const proposed = await proposeRendering(other, "cso", { text: "多元共治", gloss: "many elements governing together", rationale: "Stresses shared leadership." });
    await addComment(scholar, second!.id, { stance: "for", body: "Reads naturally." });
    await withdrawRendering(other, proposed.id);
    await hideRendering(facilitator, second!.id, { reason: "test" });
    await editTerm(facilitator, "cso", { context: "Edited context." });
    await moveStage(facilitator, "cso", { stage: "provisional" });
    await recordDecision(facilitator, "cso", { adoptedRenderingId: first!.id, statementEn: "Adopted.", statementZh: "通过。" });

    const events = await db().termEvent.findMany({ where: { termId: term.id, id: { gt: since } }, orderBy: { id: "asc" } });
    assert.deepEqual(
      events.map((e) => e.type),
      ["ballot", "rendering", "comment", "rendering", "rendering", "term", "stage", "decision", "stage"],
    );
    assert.deepEqual(events.at(-1)!.payload, { stage: "published", deadline: null });
  });

  it("a ballot's event carries the tally version that includes it, so open pages fetch those results and no older", async () => {
    const term = await db().term.create({
      data: { slug: `tv-${Date.now()}`, headword: "tally version", stage: "consultation", renderings: { create: [{ text: "共同", normalizedKey: "共同" }] } },
      include: { renderings: true },
    });
    const a = await createActor(db(), { delegation: "China" });
    const b = await createActor(db(), { delegation: "Canada" });
    for (const [who, grade] of [[a, "good"], [b, "poor"], [a, "excellent"]] as const) {
      await castBallot(who, term.slug, { grades: { [term.renderings[0]!.id]: grade } });
      const { tallyVersion } = await db().term.findUniqueOrThrow({ where: { id: term.id }, select: { tallyVersion: true } });
      const event = await db().termEvent.findFirstOrThrow({ where: { termId: term.id, type: "ballot" }, orderBy: { id: "desc" } });
      assert.deepEqual(event.payload, { tallyVersion });
    }
  });

  it("a change that is refused records no event", async () => {
    const term = await db().term.findUniqueOrThrow({ where: { slug: "cso" } });
    const before = await db().termEvent.count({ where: { termId: term.id } });
    const scholar = await createActor(db(), { delegation: "Canada" });
    const rendering = await db().rendering.findFirstOrThrow({ where: { termId: term.id, status: "active" } });
    // The term is published now: grading and proposing are closed.
    await assert.rejects(castBallot(scholar, "cso", { grades: { [rendering.id]: "good" } }));
    await assert.rejects(proposeRendering(scholar, "cso", { text: "多元共享", gloss: "sharing", rationale: "test" }));
    assert.equal(await db().termEvent.count({ where: { termId: term.id } }), before);
  });
});

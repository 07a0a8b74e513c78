import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, addRendering, grade, makeTerm } from "@/test/support/factories";
import { createTerm, editTerm, moveStage } from "@/server/terms/admin";
import { closeExpiredConsultation } from "@/server/terms/deadline";
import { proposeRendering } from "@/server/deliberation/renderings";
import { getTerm, listTerms } from "@/server/terms/read";
import { listAudit } from "@/server/site/audit";
import { STAGES, type Stage } from "@/lib/schemas/term";
import { STAGE_MOVES } from "@/lib/term-stages";
import { expectInvalid, expectAppError } from "@/test/support/expect";

const HOUR = 3600_000;

describeEachEngine("the life of a term", ({ database }) => {
  it("a facilitator creates a term (as a draft, slug from the headword) and edits it; both are audited", async () => {
    const { db } = database();
    const f = await createActor(db, { role: "facilitator" });
    const t = await createTerm(f, { headword: "Opportunity Management", definition: "Seizing openings." });
    assert.equal(t.slug, "opportunity-management");
    assert.equal(t.stage, "draft");
    assert.equal(t.targetLang, "zh-Hans");
    const edited = await editTerm(f, t.slug, { abbreviation: "OM", subjectField: "international relations", targetLang: "zh-Hant" });
    assert.equal(edited.abbreviation, "OM");
    assert.equal(edited.definition, "Seizing openings.", "fields not named stay");
    assert.equal(edited.targetLang, "zh-Hant");
    await expectAppError(createTerm(f, { headword: "opportunity management" }), "conflict");
    await expectInvalid(createTerm(f, { headword: "" }), "headword", "headword_required");
    await expectInvalid(createTerm(f, { headword: "x", slug: "Not A Slug" }), "slug", "slug_invalid");

    const admin = await createActor(db, { role: "admin" });
    const { entries } = await listAudit(admin);
    const mine = entries.filter((e) => e.actor?.id === f.id);
    assert.deepEqual(mine.map((e) => e.action), ["term.edit", "term.create"]);
    assert.deepEqual(mine[0]!.before, { abbreviation: null, subjectField: "", targetLang: "zh-Hans" });
    assert.deepEqual(mine[0]!.after, { abbreviation: "OM", subjectField: "international relations", targetLang: "zh-Hant" });
  });

  it("permission: scholars may not create, edit or move terms (403); anonymous is 401", async () => {
    const { db } = database();
    const term = await makeTerm(db, { stage: "draft" });
    const s = await createActor(db);
    await expectAppError(createTerm(s, { headword: "empathy" }), "forbidden");
    await expectAppError(editTerm(s, term.slug, { headword: "hacked" }), "forbidden");
    await expectAppError(moveStage(s, term.slug, { stage: "consultation" }), "forbidden");
    await expectAppError(createTerm(null, { headword: "empathy" }), "unauthorized");
    await expectAppError(editTerm(null, term.slug, { headword: "hacked" }), "unauthorized");
    await expectAppError(moveStage(null, term.slug, { stage: "consultation" }), "unauthorized");
    assert.equal((await db.term.findUniqueOrThrow({ where: { id: term.id } })).stage, "draft");
  });

  // Every pair of stages: the allowed moves succeed, every other one is refused.
  for (const from of STAGES) {
    for (const to of STAGES) {
      if (from === to) continue;
      const allowed = STAGE_MOVES[from].includes(to) && to !== "published";
      it(`stage rule: ${from} → ${to} is ${allowed ? "allowed" : "refused"}`, async () => {
        const { db } = database();
        const f = await createActor(db, { role: "facilitator" });
        const term = await makeTerm(db, { stage: from });
        const attempt = moveStage(f, term.slug, { stage: to, confirmBack: true });
        if (allowed) assert.equal((await attempt).stage, to);
        else await expectAppError(attempt, "invalid");
        assert.equal((await db.term.findUniqueOrThrow({ where: { id: term.id } })).stage, allowed ? to : from);
      });
    }
  }

  it("stage rule: publishing goes through a decision, not the stage form", async () => {
    const { db } = database();
    const term = await makeTerm(db, { stage: "provisional" });
    const { details } = await expectAppError(moveStage(await createActor(db, { role: "facilitator" }), term.slug, { stage: "published" }), "invalid");
    assert.deepEqual(details.fields, { stage: ["publish_needs_decision"] });
  });

  // A step back reopens a vote (or unpublishes): refused until the caller confirms it.
  for (const [from, to] of [["provisional", "consultation"], ["published", "consultation"], ["consultation", "draft"]] as const) {
    it(`stage rule: ${from} → ${to} is a step back, refused without confirmBack`, async () => {
      const { db } = database();
      const f = await createActor(db, { role: "facilitator" });
      const term = await makeTerm(db, { stage: from });
      for (const confirmBack of [undefined, false, ""] as const) {
        const details = (await expectAppError(moveStage(f, term.slug, { stage: to, confirmBack }), "invalid")).details;
        assert.equal(details.reason, "confirm_required");
        assert.deepEqual(details.fields, { confirmBack: ["confirm_required"] });
      }
      assert.equal((await db.term.findUniqueOrThrow({ where: { id: term.id } })).stage, from, "nothing moved");
      assert.equal(await db.auditEntry.count({ where: { entityId: term.id } }), 0);
      assert.equal((await moveStage(f, term.slug, { stage: to, confirmBack: true })).stage, to);
    });
  }

  it("stage rule: a forward move and a new deadline need no confirmation", async () => {
    const { db } = database();
    const f = await createActor(db, { role: "facilitator" });
    const term = await makeTerm(db, { stage: "draft" });
    assert.equal((await moveStage(f, term.slug, { stage: "consultation" })).stage, "consultation");
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    assert.equal((await moveStage(f, term.slug, { stage: "consultation", deadline })).deadline, deadline);
    assert.equal((await moveStage(f, term.slug, { stage: "provisional" })).stage, "provisional");
  });

  it("stage rule: back to draft only while nobody has voted", async () => {
    const { db } = database();
    const f = await createActor(db, { role: "facilitator" });
    const term = await makeTerm(db);
    const r = await addRendering(db, term.id, "多元共存");
    await grade(db, await createActor(db), term.id, { [r.id]: "good" });
    await expectAppError(moveStage(f, term.slug, { stage: "draft", confirmBack: true }), "conflict");
    assert.equal((await db.term.findUniqueOrThrow({ where: { id: term.id } })).stage, "consultation");
  });

  it("a consultation opens with a deadline in the future; the deadline can be moved; past deadlines are refused", async () => {
    const { db } = database();
    const f = await createActor(db, { role: "facilitator" });
    const term = await makeTerm(db, { stage: "draft" });
    await expectInvalid(moveStage(f, term.slug, { stage: "provisional", deadline: new Date(Date.now() + HOUR).toISOString() }), "deadline", "deadline_only_consultation");
    await expectAppError(moveStage(f, term.slug, { stage: "consultation", deadline: new Date(Date.now() - HOUR).toISOString() }), "invalid");
    const deadline = new Date(Date.now() + 48 * HOUR);
    const opened = await moveStage(f, term.slug, { stage: "consultation", deadline: deadline.toISOString() });
    assert.equal(opened.deadline, deadline.toISOString());
    const later = new Date(Date.now() + 72 * HOUR);
    assert.equal((await moveStage(f, term.slug, { stage: "consultation", deadline: later.toISOString() })).deadline, later.toISOString());
    assert.equal((await moveStage(f, term.slug, { stage: "consultation", deadline: "" })).deadline, null, "cleared");
    assert.equal((await moveStage(f, term.slug, { stage: "provisional" })).deadline, null);
  });

  it("deadline: a passed consultation moves to provisional on access (page, list, proposal), once, audited without an actor", async () => {
    const { db } = database();
    const past = new Date(Date.now() - 1000);
    const viaPage = await makeTerm(db, { deadline: past });
    const viaList = await makeTerm(db, { deadline: past });
    const viaProposal = await makeTerm(db, { deadline: past });
    const notYet = await makeTerm(db, { deadline: new Date(Date.now() + HOUR) });

    assert.equal((await getTerm(viaPage.slug)).stage, "provisional");
    const list = await listTerms();
    assert.equal(list.find((t) => t.slug === viaList.slug)?.stage, "provisional");
    assert.equal(list.find((t) => t.slug === notYet.slug)?.stage, "consultation");
    await expectAppError(proposeRendering(await createActor(db), viaProposal.slug, { text: "多元共存", gloss: "g", rationale: "r" }), "stage_closed");
    assert.equal((await db.term.findUniqueOrThrow({ where: { id: viaProposal.id } })).stage, "provisional");

    const entries = await db.auditEntry.findMany({ where: { entityId: { in: [viaPage.id, viaList.id, viaProposal.id] } } });
    assert.equal(entries.length, 3);
    assert.ok(entries.every((e) => e.actorId === null && e.action === "term.deadline_passed"));
  });

  it("deadline: several instances closing at once agree (one move, one audit entry)", async () => {
    const { db } = database();
    const term = await makeTerm(db, { deadline: new Date(Date.now() - 1000) });
    const results = await Promise.all(Array.from({ length: 6 }, () => closeExpiredConsultation({ id: term.id })));
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal(await db.auditEntry.count({ where: { entityId: term.id } }), 1);
  });

  it("every stage move is audited with before and after", async () => {
    const { db } = database();
    const f = await createActor(db, { role: "facilitator" });
    const term = await makeTerm(db, { stage: "draft" });
    const path: Stage[] = ["consultation", "provisional", "consultation"];
    for (const stage of path) await moveStage(f, term.slug, { stage, confirmBack: true });
    const entries = await db.auditEntry.findMany({ where: { entityId: term.id }, orderBy: { id: "asc" } });
    assert.deepEqual(entries.map((e) => [e.actorId, e.action, (e.before as { stage: string }).stage, (e.after as { stage: string }).stage]), [
      [f.id, "term.stage", "draft", "consultation"],
      [f.id, "term.stage", "consultation", "provisional"],
      [f.id, "term.stage", "provisional", "consultation"],
    ]);
  });

  it("the audit log is for admins only", async () => {
    const { db } = database();
    await expectAppError(listAudit(await createActor(db, { role: "facilitator" })), "forbidden");
    await expectAppError(listAudit(await createActor(db)), "forbidden");
    await expectAppError(listAudit(null), "unauthorized");
  });
});

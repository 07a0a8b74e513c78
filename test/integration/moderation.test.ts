import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, addRendering, grade, makeTerm } from "@/test/support/factories";
import { hideComment, hideRendering, listHiddenRenderings, unhideComment, unhideRendering } from "@/server/deliberation/moderation";
import { addComment, getDiscussion } from "@/server/deliberation/comments";
import { proposeRendering } from "@/server/deliberation/renderings";
import { getResults } from "@/server/results/service";
import { getTerm } from "@/server/terms/read";
import { expectAppError } from "@/test/support/expect";

describeEachEngine("hiding abuse", ({ database }) => {
  it("a hidden rendering leaves the term page and the tally, stays for admins, and its proposer is told (in their language)", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const keep = await addRendering(db, term.id, "多元共存");
    const proposer = await createActor(db, { delegation: "China" });
    await db.user.update({ where: { id: proposer.id }, data: { locale: "zh" } });
    const r = await proposeRendering(proposer, term.slug, { text: "坏坏坏", gloss: "abuse", rationale: "abuse" });
    await grade(db, await createActor(db), term.id, { [r.id]: "excellent", [keep.id]: "good" });
    const f = await createActor(db, { role: "facilitator" });

    await hideRendering(f, r.id, { reason: "Offensive." });
    assert.ok(!(await getTerm(term.slug)).renderings.some((x) => x.id === r.id));
    assert.deepEqual((await getResults(term.slug)).ranking, [keep.id]);
    const note = await db.notification.findFirstOrThrow({ where: { userId: proposer.id } });
    assert.equal(note.kind, "rendering_hidden");
    assert.match(note.message, /已被主持人隐藏/);
    assert.match(note.message, /Offensive\./);
    const admin = await createActor(db, { role: "admin" });
    assert.deepEqual((await listHiddenRenderings(admin, term.id)).map((x) => x.id), [r.id]);
    await expectAppError(listHiddenRenderings(f, term.id), "forbidden");
    await expectAppError(proposeRendering(await createActor(db), term.slug, { text: "坏坏坏", gloss: "g", rationale: "r" }), "conflict");

    await expectAppError(unhideRendering(f, r.id), "forbidden");
    await unhideRendering(admin, r.id);
    assert.ok((await getTerm(term.slug)).renderings.some((x) => x.id === r.id));
    const actions = (await db.auditEntry.findMany({ where: { entityId: r.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    assert.deepEqual(actions, ["rendering.hide", "rendering.unhide"]);
  });

  it("a hidden comment is gone from public views, kept (marked) for admins, and its author is told", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const r = await addRendering(db, term.id, "多元共生");
    const author = await createActor(db);
    const c = await addComment(author, r.id, { stance: "against", body: "an insult" });
    const f = await createActor(db, { role: "facilitator" });
    await hideComment(f, c.id);
    assert.equal((await getDiscussion(null, term.id)).byRendering[r.id], undefined);
    assert.equal((await getDiscussion(author, term.id)).byRendering[r.id], undefined, "not even for the author");
    assert.equal((await getDiscussion(f, term.id)).byRendering[r.id], undefined);
    const admin = await createActor(db, { role: "admin" });
    const forAdmin = (await getDiscussion(admin, term.id)).byRendering[r.id]!;
    assert.equal(forAdmin[0]!.hidden, true);
    assert.equal(forAdmin[0]!.body, "an insult");
    assert.equal((await db.notification.findFirstOrThrow({ where: { userId: author.id } })).kind, "comment_hidden");
    await expectAppError(hideComment(f, c.id), "conflict");
    await unhideComment(admin, c.id);
    assert.equal((await getDiscussion(null, term.id)).byRendering[r.id]!.length, 1);
  });

  it("permission: scholars may not hide (403); anonymous 401; facilitators may not unhide", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const r = await addRendering(db, term.id, "多元共进");
    const c = await addComment(await createActor(db), r.id, { stance: "for", body: "fine" });
    const s = await createActor(db);
    await expectAppError(hideRendering(s, r.id), "forbidden");
    await expectAppError(hideComment(s, c.id), "forbidden");
    await expectAppError(hideRendering(null, r.id), "unauthorized");
    await expectAppError(hideComment(null, c.id), "unauthorized");
    const f = await createActor(db, { role: "facilitator" });
    await hideComment(f, c.id);
    await expectAppError(unhideComment(f, c.id), "forbidden");
    await expectAppError(unhideComment(s, c.id), "forbidden");
    assert.equal((await db.rendering.findUniqueOrThrow({ where: { id: r.id } })).status, "active");
  });
});

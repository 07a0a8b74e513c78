import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, addRendering, makeTerm } from "@/test/support/factories";
import { addComment, argumentCounts, deleteComment, editComment, getDiscussion } from "@/server/deliberation/comments";
import { expectInvalid, expectAppError } from "@/test/support/expect";

const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)>
javascript:alert(3) ‮evil‬ [x](javascript:alert(4)) https://example.org/"><script>`;

describeEachEngine("discussion", ({ database }) => {
  it("comments for, against and questions; replies one level deep; counts per stance", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const r = await addRendering(db, term.id, "多元共存");
    const a = await createActor(db, { name: "Ada" });
    const b = await createActor(db, { delegation: "China", name: "Bo" });
    const top = await addComment(a, r.id, { stance: "for", body: "Plain and accurate.\nSecond line." });
    const reply = await addComment(b, r.id, { stance: "question", body: "Does 共存 carry shared leadership?", parentId: top.id });
    const replyToReply = await addComment(a, r.id, { stance: "against", body: "Fair point.", parentId: reply.id });
    await addComment(b, r.id, { stance: "against", body: "Too static." });

    const d = await getDiscussion(b, term.id);
    const threads = d.byRendering[r.id]!;
    assert.equal(threads.length, 2);
    assert.equal(threads[0]!.id, top.id);
    assert.deepEqual(threads[0]!.replies.map((x) => x.id), [reply.id, replyToReply.id], "a reply to a reply joins the thread");
    assert.equal(threads[0]!.body, "Plain and accurate.\nSecond line.");
    assert.equal(threads[0]!.mine, false);
    assert.equal(threads[1]!.mine, true);
    assert.deepEqual(d.counts[r.id], { for: 1, against: 2, question: 1 });
    assert.deepEqual((await argumentCounts(term.slug))[r.id], d.counts[r.id], "the results' counts agree with the discussion's");
  });

  it("the author edits (marked as edited) and deletes their own; a deleted comment with replies stays as a placeholder", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const r = await addRendering(db, term.id, "多元共生");
    const a = await createActor(db);
    const c = await addComment(a, r.id, { stance: "for", body: "first" });
    const edited = await editComment(a, c.id, { body: "second thoughts", stance: "question" });
    assert.equal(edited.body, "second thoughts");
    assert.equal(edited.stance, "question");
    assert.ok(edited.editedAt);
    await addComment(await createActor(db), r.id, { stance: "for", body: "reply", parentId: c.id });
    const lone = await addComment(a, r.id, { stance: "against", body: "lonely" });
    await deleteComment(a, c.id);
    await deleteComment(a, lone.id);
    const threads = (await getDiscussion(null, term.id)).byRendering[r.id]!;
    assert.equal(threads.length, 1);
    assert.equal(threads[0]!.deleted, true);
    assert.equal(threads[0]!.body, "");
    assert.equal(threads[0]!.replies.length, 1);
    await expectAppError(editComment(a, c.id, { body: "back" }), "not_found");
  });

  it("permission: nobody edits or deletes someone else's comment; anonymous may not comment", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const r = await addRendering(db, term.id, "多元共进");
    const author = await createActor(db);
    const c = await addComment(author, r.id, { stance: "for", body: "mine" });
    for (const other of [await createActor(db), await createActor(db, { role: "facilitator" }), await createActor(db, { role: "admin" })]) {
      await expectAppError(editComment(other, c.id, { body: "hijacked" }), "forbidden");
      await expectAppError(deleteComment(other, c.id), "forbidden");
    }
    await expectAppError(addComment(null, r.id, { stance: "for", body: "anon" }), "unauthorized");
    await expectAppError(editComment(null, c.id, { body: "anon" }), "unauthorized");
    await expectAppError(deleteComment(null, c.id), "unauthorized");
    assert.equal((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).body, "mine");
  });

  it("stage rules: open in consultation and provisional (objections), closed in draft and published", async () => {
    const { db } = database();
    const s = await createActor(db);
    for (const [stage, open] of [["consultation", true], ["provisional", true], ["draft", false], ["published", false]] as const) {
      const term = await makeTerm(db, { stage });
      const r = await addRendering(db, term.id, "多元共商");
      const attempt = addComment(s, r.id, { stance: "for", body: `in ${stage}` });
      if (open) assert.equal((await attempt).body, `in ${stage}`);
      else await expectAppError(attempt, "stage_closed");
    }
  });

  it("validation: a stance is required, bodies are 1–4000 characters; replies must be on the same rendering", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const r = await addRendering(db, term.id, "多元共存");
    const other = await addRendering(db, term.id, "多元共生");
    const s = await createActor(db);
    await expectInvalid(addComment(s, r.id, { stance: "maybe", body: "x" }), "stance", "stance_required");
    await expectInvalid(addComment(s, r.id, { stance: "for", body: "   " }), "body", "body_required");
    await expectInvalid(addComment(s, r.id, { stance: "for", body: "x".repeat(4001) }), "body", "body_too_long");
    const c = await addComment(s, other.id, { stance: "for", body: "elsewhere" });
    await expectAppError(addComment(s, r.id, { stance: "for", body: "reply", parentId: c.id }), "invalid");
    await expectAppError(addComment(s, "no-such-rendering", { stance: "for", body: "x" }), "not_found");
  });

  it("hostile input is stored exactly as written (made safe when shown, see lib/discussion/body.ts)", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const r = await addRendering(db, term.id, "多元共存");
    const c = await addComment(await createActor(db), r.id, { stance: "against", body: HOSTILE });
    assert.equal(c.body, HOSTILE);
    assert.equal((await getDiscussion(null, term.id)).byRendering[r.id]![0]!.body, HOSTILE);
  });
});

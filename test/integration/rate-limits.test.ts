import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, addRendering, makeTerm } from "@/test/support/factories";
import { addComment } from "@/server/deliberation/comments";
import { proposeRendering } from "@/server/deliberation/renderings";
import { createInvite } from "@/server/membership/invites";
import { WRITE_LIMITS } from "@/lib/rate-limit";
import { countHit, pruneRateWindows } from "@/server/site/rate-limit";
import { isAppError } from "@/lib/errors";
import { expectAppError } from "@/test/support/expect";

/** The audit posted 300 comments in 6.5 s with one token (issue 13, item 9). */
describeEachEngine("rate limits on members' writes", ({ database }) => {
  it("80 comments in parallel by one member: exactly the limit is written, the rest are 429 with a retry time", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const r = await addRendering(db, term.id, "多元共存");
    const me = await createActor(db);
    const outcomes = await Promise.allSettled(Array.from({ length: 80 }, (_, i) => addComment(me, r.id, { stance: "for", body: `point ${i}` })));
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    assert.equal(outcomes.length - refused.length, WRITE_LIMITS.comment.max);
    for (const e of refused) {
      assert.ok(isAppError(e) && e.code === "rate_limited", String(e));
      assert.equal(e.status, 429);
      const seconds = e.details.retryAfterSeconds as number;
      assert.ok(seconds > 0 && seconds <= WRITE_LIMITS.comment.windowMs / 1000, String(seconds));
    }
    assert.equal(await db.comment.count({ where: { renderingId: r.id } }), WRITE_LIMITS.comment.max);
    // Another member is not affected.
    await addComment(await createActor(db), r.id, { stance: "against", body: "mine" });
  });

  it("proposals: the 31st in an hour is refused and writes nothing", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const me = await createActor(db, { delegation: "China" });
    const texts = Array.from({ length: WRITE_LIMITS.proposal.max + 1 }, (_, i) => `多元共${String.fromCodePoint(0x4e00 + i)}`);
    for (const text of texts.slice(0, -1)) await proposeRendering(me, term.slug, { text, gloss: "g", rationale: "r" });
    await expectAppError(proposeRendering(me, term.slug, { text: texts.at(-1)!, gloss: "g", rationale: "r" }), "rate_limited");
    assert.equal(await db.rendering.count({ where: { termId: term.id } }), WRITE_LIMITS.proposal.max);
  });

  it("invitations: a facilitator at the limit is refused", async () => {
    const { db } = database();
    const f = await createActor(db, { role: "facilitator", delegation: "China" });
    const china = (await db.delegation.findUniqueOrThrow({ where: { name: "China" } })).id;
    await createInvite(f, { delegationId: china });
    // The window as if this facilitator had already sent the limit's worth in it.
    await db.rateWindow.update({ where: { key: `write:invitation:${f.id}` }, data: { count: WRITE_LIMITS.invitation.max } });
    const { details } = await expectAppError(createInvite(f, { delegationId: china }), "rate_limited");
    assert.ok((details.retryAfterSeconds as number) > 3000);
    assert.equal(await db.invite.count({ where: { createdById: f.id } }), 1);
  });

  it("counters of windows that are over are pruned; current ones stay", async () => {
    const { db } = database();
    const now = new Date();
    await countHit("test:old", 60_000, new Date(now.getTime() - 2 * 60 * 60_000));
    await countHit("test:current", 60_000, now);
    await pruneRateWindows(now);
    assert.equal(await db.rateWindow.count({ where: { key: "test:old" } }), 0);
    assert.equal(await db.rateWindow.count({ where: { key: "test:current" } }), 1);
  });
});

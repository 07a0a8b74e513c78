import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor } from "@/test/support/factories";
import { seed } from "@/server/seed/seed";
import { db } from "@/server/db/client";
import { castBallot, getBallot } from "@/server/ballots/service";
import { proposeRendering } from "@/server/deliberation/renderings";
import { addComment } from "@/server/deliberation/comments";
import { hideComment, hideRendering } from "@/server/deliberation/moderation";
import { termViewer } from "@/server/terms/viewer";
import { termViewerSchema } from "@/lib/schemas/term-viewer";

/**
 * The private read that fills in a member's parts of the shared term page (issue 12, item 3):
 * each viewer gets their own ballot and their own proposals and comments, never anyone
 * else's; the facilitators' lists only for facilitators, hidden comments only for admins.
 */
describeEachEngine("the viewer's own parts of a term page", ({ database }) => {
  it("nobody signed out; a scholar their own ballot, proposals and comments only; facilitators and admins their lists", async () => {
    await seed(database().db);
    const term = await db().term.findUniqueOrThrow({ where: { slug: "cso" }, include: { renderings: { orderBy: { createdAt: "asc" } } } });
    const [first, second] = term.renderings;
    const china = await createActor(db(), { delegation: "China" });
    const canada = await createActor(db(), { delegation: "Canada" });
    const facilitator = await createActor(db(), { role: "facilitator" });
    const admin = await createActor(db(), { role: "admin" });

    const saved = await castBallot(china, "cso", { grades: { [first!.id]: "good" }, note: "mine" });
    await castBallot(canada, "cso", { grades: { [first!.id]: "poor" } });
    const proposed = await proposeRendering(canada, "cso", { text: "多元共治", gloss: "governing together", rationale: "Shared leadership." });
    const chinaComment = await addComment(china, second!.id, { stance: "for", body: "Reads naturally." });
    const canadaComment = await addComment(canada, second!.id, { stance: "against", body: "Too loose." });
    await hideComment(facilitator, canadaComment.id, { reason: "off topic" });

    assert.deepEqual(await termViewer(null, "cso"), { actor: null, unread: 0, needsGrade: 0, ballot: null, own: { renderings: [], comments: [] }, facilitation: null });

    const mine = termViewerSchema.parse(await termViewer(china, "cso"));
    assert.equal(mine.actor?.id, china.id);
    assert.deepEqual(mine.ballot?.grades, { [first!.id]: "good" });
    assert.equal(mine.ballot?.note, "mine");
    // Read by direct statements: the same ballot, time and pseudonym as the ballot API gives.
    assert.deepEqual(mine.ballot, await getBallot(china, "cso"));
    assert.equal(mine.ballot?.updatedAt, saved.updatedAt);
    assert.deepEqual(mine.own, { renderings: [], comments: [chinaComment.id] });
    assert.equal(mine.facilitation, null, "a scholar gets no facilitator lists");

    const theirs = await termViewer(canada, "cso");
    assert.deepEqual(theirs.ballot?.grades, { [first!.id]: "poor" });
    assert.deepEqual(theirs.own.renderings, [proposed.id]);
    assert.deepEqual(theirs.own.comments, [canadaComment.id]);

    const f = await termViewer(facilitator, "cso");
    assert.equal(f.ballot?.revision, 0, "no ballot yet: revision 0");
    assert.deepEqual(f.facilitation?.hiddenRenderings, [], "hidden renderings are for admins");
    assert.deepEqual(f.facilitation?.hiddenComments, [], "hidden comments are for admins");

    await hideRendering(facilitator, proposed.id, { reason: "duplicate" });
    const a = termViewerSchema.parse(await termViewer(admin, "cso"));
    assert.deepEqual(a.facilitation?.hiddenRenderings.map((r) => r.id), [proposed.id]);
    assert.deepEqual(a.facilitation?.hiddenComments.map((c) => [c.id, c.body]), [[canadaComment.id, "Too loose."]]);
    assert.equal((await termViewer(canada, "cso")).unread > 0, true, "the author is told of the hidden comment and rendering");
  });

  it("an unknown term is not found", async () => {
    const scholar = await createActor(db(), { delegation: "China" });
    await assert.rejects(termViewer(scholar, "no-such-term"), (e: unknown) => (e as { code?: string }).code === "not_found");
  });
});

import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, addRendering, grade, makeTerm } from "@/test/support/factories";
import { mergeRendering, undoMerge } from "@/server/deliberation/merge";
import { addComment, getDiscussion } from "@/server/deliberation/comments";
import { getResults } from "@/server/results/service";
import { getTerm } from "@/server/terms/read";
import { tally, type Grade } from "@/lib/tally";
import type { Db } from "@/server/db/client";
import { expectAppError } from "@/test/support/expect";
import { castBallot } from "@/server/ballots/service";
import { hasGradeFor } from "@/server/deliberation/renderings";
import type { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";

/** A term with the survivor A (多元共进), its duplicate B (多元共同前进) and a third C, and four voters. */
async function scene(db: Db) {
  const term = await makeTerm(db);
  const t0 = Date.now() - 10_000;
  const a = await addRendering(db, term.id, "多元共进", undefined, new Date(t0));
  const proposer = await createActor(db, { delegation: "China" });
  const b = await addRendering(db, term.id, "多元共同前进", proposer, new Date(t0 + 1000));
  const c = await addRendering(db, term.id, "多元共存", undefined, new Date(t0 + 2000));
  const voters = {
    both: await createActor(db, { delegation: "China" }), // graded both: the higher (B's) must stay
    bothLower: await createActor(db, { delegation: "Canada" }), // graded both: A's higher grade stays
    onlyB: await createActor(db, { delegation: "Canada" }), // only the duplicate: A gets it, with the reason
    onlyA: await createActor(db, { delegation: "China" }), // untouched
  };
  await grade(db, voters.both, term.id, { [a.id]: "poor", [b.id]: "very_good", [c.id]: "good" });
  await grade(db, voters.bothLower, term.id, { [a.id]: "excellent", [b.id]: "acceptable" });
  await grade(db, voters.onlyB, term.id, { [b.id]: "reject", [c.id]: "good" }, { [b.id]: "Reads as progress only." });
  await grade(db, voters.onlyA, term.id, { [a.id]: "good" });
  return { term, a, b, c, voters, proposer };
}

async function gradesOf(db: Db, termId: string, userId: string) {
  const b = await db.ballot.findUniqueOrThrow({ where: { termId_userId: { termId, userId } } });
  return { grades: b.grades, reasons: b.reasons, revision: b.revision };
}

describeEachEngine("merging duplicate renderings", ({ database }) => {
  it("moves grades (the higher stays), appends merge events, moves comments with a note, and the tally equals a recount", async () => {
    const { db } = database();
    const { term, a, b, c, voters, proposer } = await scene(db);
    const f = await createActor(db, { role: "facilitator" });
    const onB = await addComment(await createActor(db), b.id, { stance: "for", body: "Clearer than 共进." });
    const versionBefore = (await db.term.findUniqueOrThrow({ where: { id: term.id } })).tallyVersion;

    const result = await mergeRendering(f, b.id, { into: a.id });
    assert.equal(result.ballotsChanged, 3);
    assert.equal(result.commentsMoved, 1);

    assert.deepEqual((await gradesOf(db, term.id, voters.both.id)).grades, { [a.id]: "very_good", [c.id]: "good" });
    assert.deepEqual((await gradesOf(db, term.id, voters.bothLower.id)).grades, { [a.id]: "excellent" });
    const onlyB = await gradesOf(db, term.id, voters.onlyB.id);
    assert.deepEqual(onlyB.grades, { [a.id]: "reject", [c.id]: "good" });
    assert.deepEqual(onlyB.reasons, { [a.id]: "Reads as progress only." });
    assert.equal(onlyB.revision, 2);
    assert.equal((await gradesOf(db, term.id, voters.onlyA.id)).revision, 1, "a ballot without the duplicate is untouched");

    const events = await db.ballotEvent.findMany({ where: { termId: term.id, cause: "merge" }, orderBy: { id: "asc" } });
    assert.equal(events.length, 3);
    assert.ok(events.every((e) => e.revision === 2));
    assert.deepEqual(events.find((e) => e.userId === voters.both.id)?.grades, { [a.id]: "very_good", [c.id]: "good" });

    const merged = await db.rendering.findUniqueOrThrow({ where: { id: b.id } });
    assert.equal(merged.status, "merged");
    assert.equal(merged.mergedIntoId, a.id);
    assert.ok(!(await getTerm(term.slug)).renderings.some((r) => r.id === b.id));
    const moved = (await getDiscussion(null, term.id)).byRendering[a.id]!;
    assert.equal(moved[0]!.id, onB.id);
    assert.deepEqual(moved[0]!.movedFrom, { id: b.id, text: "多元共同前进" });
    assert.ok((await db.term.findUniqueOrThrow({ where: { id: term.id } })).tallyVersion > versionBefore);

    const expected = tally({
      term: term.slug,
      renderings: [a, c].map((r) => ({ id: r.id, text: r.text, createdAt: r.createdAt.toISOString() })),
      ballots: [
        { voter: "1", delegation: "China", grades: { [a.id]: "very_good", [c.id]: "good" } },
        { voter: "2", delegation: "Canada", grades: { [a.id]: "excellent" } },
        { voter: "3", delegation: "Canada", grades: { [a.id]: "reject", [c.id]: "good" }, reasons: { [a.id]: "Reads as progress only." } },
        { voter: "4", delegation: "China", grades: { [a.id]: "good" } },
      ] satisfies { voter: string; delegation: string; grades: Record<string, Grade>; reasons?: Record<string, string> }[],
    });
    assert.deepEqual(await getResults(term.slug), expected);

    // (the proposer is also told of the comments on their proposal: issue 16)
    const note = await db.notification.findFirstOrThrow({ where: { userId: proposer.id, kind: { not: "discussion" } } });
    assert.equal(note.kind, "rendering_merged");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "rendering.merge", entityId: b.id } });
    assert.equal(entry.actorId, f.id);
  });

  it("an admin undoes a merge: grades, reasons, comments and status restored, a voter's later change kept", async () => {
    const { db } = database();
    const { term, a, b, c, voters } = await scene(db);
    const before = await Promise.all(Object.values(voters).map((v) => gradesOf(db, term.id, v.id)));
    const onB = await addComment(await createActor(db), b.id, { stance: "against", body: "no" });
    const f = await createActor(db, { role: "facilitator" });
    const { mergeId } = await mergeRendering(f, b.id, { into: a.id });
    const afterMerge = await getResults(term.slug);
    // After the merge, one voter changes their grade of the survivor: that choice must survive the undo.
    await grade(db, voters.bothLower, term.id, { [a.id]: "good" });
    const onA = await addComment(await createActor(db), a.id, { stance: "for", body: "written after the merge" });

    await expectAppError(undoMerge(f, mergeId), "forbidden");
    const admin = await createActor(db, { role: "admin" });
    await undoMerge(admin, mergeId);

    const after = await Promise.all(Object.values(voters).map((v) => gradesOf(db, term.id, v.id)));
    assert.deepEqual(after[0]!.grades, before[0]!.grades);
    assert.deepEqual(after[2]!.grades, before[2]!.grades);
    assert.deepEqual(after[2]!.reasons, before[2]!.reasons);
    assert.deepEqual(after[3]!.grades, before[3]!.grades);
    assert.deepEqual(after[1]!.grades, { [a.id]: "good", [b.id]: "acceptable" }, "the later grade of A stays, B's comes back");
    assert.equal(await db.ballotEvent.count({ where: { termId: term.id, cause: "unmerge" } }), 3);

    assert.equal((await db.rendering.findUniqueOrThrow({ where: { id: b.id } })).status, "active");
    const d = (await getDiscussion(null, term.id)).byRendering;
    assert.deepEqual(d[b.id]!.map((x) => [x.id, x.movedFrom]), [[onB.id, null]]);
    assert.deepEqual(d[a.id]!.map((x) => x.id), [onA.id]);
    const results = await getResults(term.slug);
    assert.deepEqual(Object.keys(results.renderings).sort(), [a.id, b.id, c.id].sort());
    assert.notDeepEqual(results, afterMerge);
    assert.ok((await db.renderingMerge.findUniqueOrThrow({ where: { id: mergeId } })).undoneAt);
    await expectAppError(undoMerge(admin, mergeId), "conflict");
  });

  it("ballots racing a merge are refused with unknown_rendering or carried over: none is stored grading the merged rendering (audit item 4)", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const a = await addRendering(db, term.id, "多元共进");
    const b = await addRendering(db, term.id, "多元共同前进");
    const f = await createActor(db, { role: "facilitator" });
    const voters: Actor[] = [];
    for (let i = 0; i < 40; i++) voters.push(await createActor(db, { delegation: i % 2 ? "China" : "Canada" }));
    // 40 scholars grade only the duplicate B, one every few milliseconds, while a facilitator
    // merges it into A: the merge starts with the 10th ballot, so the later ones race it.
    const ballots: Promise<PromiseSettledResult<unknown>>[] = [];
    let merged: Promise<unknown> = Promise.resolve();
    for (const [i, v] of voters.entries()) {
      if (i === 10) merged = mergeRendering(f, b.id, { into: a.id });
      ballots.push(castBallot(v, term.slug, { grades: { [b.id]: "good" } }).then(
        (value) => ({ status: "fulfilled" as const, value }),
        (reason: unknown) => ({ status: "rejected" as const, reason }),
      ));
      await sleep(3);
    }
    const outcomes = await Promise.all(ballots);
    await merged;

    const stored = await db.ballot.findMany({ where: { termId: term.id } });
    const gradingB = stored.filter((x) => hasGradeFor(x.grades, b.id));
    assert.deepEqual(gradingB.map((x) => x.userId), [], "no stored ballot grades the merged rendering");
    for (const [i, outcome] of outcomes.entries()) {
      const ballot = stored.find((x) => x.userId === voters[i]!.id);
      if (outcome.status === "fulfilled") {
        assert.deepEqual(ballot?.grades, { [a.id]: "good" }, "an acknowledged ballot counts, carried over to the survivor");
      } else {
        const e = outcome.reason as AppError;
        assert.equal(e.code, "invalid", String(e));
        assert.deepEqual(e.details.fields, { [`grades.${b.id}`]: ["unknown_rendering"] });
        assert.equal(ballot, undefined, "a refused ballot writes nothing");
      }
    }
    assert.ok(outcomes.some((o) => o.status === "fulfilled"));
    const results = await getResults(term.slug);
    assert.equal(results.renderings[a.id]!.graders, stored.length, "every stored ballot counts for the survivor");
  });

  it("permission: scholars may not merge (403), anonymous 401; only the same term's active renderings merge", async () => {
    const { db } = database();
    const { term, a, b } = await scene(db);
    await expectAppError(mergeRendering(await createActor(db), b.id, { into: a.id }), "forbidden");
    await expectAppError(mergeRendering(null, b.id, { into: a.id }), "unauthorized");
    const f = await createActor(db, { role: "facilitator" });
    const elsewhere = await addRendering(db, (await makeTerm(db)).id, "多元共治");
    await expectAppError(mergeRendering(f, b.id, { into: elsewhere.id }), "invalid");
    await expectAppError(mergeRendering(f, b.id, { into: b.id }), "invalid");
    await db.rendering.update({ where: { id: a.id }, data: { status: "withdrawn" } });
    await expectAppError(mergeRendering(f, b.id, { into: a.id }), "conflict");
    assert.equal((await db.rendering.findUniqueOrThrow({ where: { id: b.id } })).status, "active");
    assert.equal(await db.ballotEvent.count({ where: { termId: term.id, cause: "merge" } }), 0, "nothing half-done");
  });

  it("stage rule: no merges on a published term", async () => {
    const { db } = database();
    const { term, a, b } = await scene(db);
    await db.term.update({ where: { id: term.id }, data: { stage: "published" } });
    await expectAppError(mergeRendering(await createActor(db, { role: "facilitator" }), b.id, { into: a.id }), "stage_closed");
  });
});

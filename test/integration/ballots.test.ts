import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, makeTerm, SAMPLE_TEXTS, ids } from "@/test/support/factories";
import { castBallot, getBallot } from "@/server/ballots/service";
import { saveBallot } from "@/server/ballots/store";
import { ensureCells } from "@/server/results/cells";
import type { Stage } from "@/lib/schemas/term";
import { expectAppError } from "@/test/support/expect";

/** Asserts an expected failure by code, and returns it for further checks. */
describeEachEngine("ballots", ({ database }) => {
  it("anonymous callers get 401, scholars without a delegation 403", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const [r1] = ids(term);
    const nobody = await expectAppError(castBallot(null, term.slug, { grades: { [r1]: "good" } }), "unauthorized");
    assert.equal(nobody.status, 401);
    await expectAppError(getBallot(null, term.slug), "unauthorized");
    const stateless = await createActor(db, { delegation: null });
    assert.equal((await expectAppError(castBallot(stateless, term.slug, { grades: {} }), "forbidden")).status, 403);
    assert.equal(await db.ballot.count(), 0);
  });

  for (const stage of ["draft", "provisional", "published"] as Stage[]) {
    it(`a term in ${stage} refuses ballots with 403 stage_closed and writes nothing`, async () => {
      const { db } = database();
      const term = await makeTerm(db, { stage, texts: SAMPLE_TEXTS });
      const actor = await createActor(db);
      const e = await expectAppError(castBallot(actor, term.slug, { grades: { [ids(term)[0]]: "good" } }), "stage_closed");
      assert.equal(e.status, 403);
      assert.equal(await db.ballot.count({ where: { termId: term.id } }), 0);
      const after = await db.term.findUniqueOrThrow({ where: { id: term.id } });
      assert.equal(after.tallyVersion, 0);
    });
  }

  it("a consultation whose deadline has passed refuses ballots and moves to provisional on that access", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    await db.term.update({ where: { id: term.id }, data: { deadline: new Date(Date.now() - 1000) } });
    const actor = await createActor(db);
    const e = await expectAppError(castBallot(actor, term.slug, { grades: { [ids(term)[0]]: "good" } }), "stage_closed");
    assert.equal(e.status, 403);
    assert.equal(await db.ballot.count({ where: { termId: term.id } }), 0);
    assert.equal((await db.term.findUniqueOrThrow({ where: { id: term.id } })).stage, "provisional");
  });

  it("a consultation whose deadline is still ahead accepts ballots", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    await db.term.update({ where: { id: term.id }, data: { deadline: new Date(Date.now() + 60_000) } });
    const actor = await createActor(db);
    const saved = await castBallot(actor, term.slug, { grades: { [ids(term)[0]]: "good" } });
    assert.equal(saved.revision, 1);
  });

  it("rejects an unknown grade, a foreign or withdrawn rendering and a reject without reason, per field", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const other = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const [r1, r2, r3] = ids(term);
    await db.rendering.update({ where: { id: r3 }, data: { status: "withdrawn" } });
    const actor = await createActor(db);

    const grade = await expectAppError(castBallot(actor, term.slug, { grades: { [r1]: "great" } }), "invalid");
    assert.equal(grade.status, 422);
    assert.deepEqual(grade.details.fields, { [`grades.${r1}`]: ["unknown_grade"] });

    const reason = await expectAppError(
      castBallot(actor, term.slug, { grades: { [r1]: "reject", [r2]: "reject" }, reasons: { [r2]: "  " } }),
      "invalid",
    );
    assert.deepEqual(reason.details.fields, {
      [`reasons.${r1}`]: ["reason_required"],
      [`reasons.${r2}`]: ["reason_required"],
    });

    const foreignId = ids(other)[0];
    const foreign = await expectAppError(
      castBallot(actor, term.slug, { grades: { [r1]: "good", [foreignId]: "good", [r3]: "poor", nope: "good" } }),
      "invalid",
    );
    assert.deepEqual(foreign.details.fields, {
      [`grades.${foreignId}`]: ["unknown_rendering"],
      [`grades.${r3}`]: ["unknown_rendering"],
      "grades.nope": ["unknown_rendering"],
    });

    // Every problem at once, so a form can show them all after one save.
    const all = await expectAppError(
      castBallot(actor, term.slug, { grades: { [r1]: "great", [r2]: "reject", [foreignId]: "great" } }),
      "invalid",
    );
    assert.deepEqual(all.details.fields, {
      [`grades.${r1}`]: ["unknown_grade"],
      [`grades.${foreignId}`]: ["unknown_rendering"],
      [`reasons.${r2}`]: ["reason_required"],
    });

    const note = await expectAppError(castBallot(actor, term.slug, { grades: {}, note: "x".repeat(501) }), "invalid");
    assert.deepEqual(Object.keys(note.details.fields ?? {}), ["note"]);
    await expectAppError(castBallot(actor, term.slug, "not an object"), "invalid");
    assert.equal(await db.ballot.count({ where: { termId: term.id } }), 0);
    assert.equal(await db.ballotEvent.count({ where: { termId: term.id } }), 0);
  });

  it("stores the ballot as given, keeps reasons only for rejects, and records each save as an event", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const [r1, r2, r3] = ids(term);
    const actor = await createActor(db, { delegation: "China" });
    const empty = await getBallot(actor, term.slug);
    assert.match(empty.voter, /^v-[0-9a-f]{16}$/);
    assert.deepEqual(empty, {
      term: term.slug, voter: empty.voter, grades: {}, reasons: {}, note: "", revision: 0, updatedAt: null,
    });

    const first = await castBallot(actor, term.slug, {
      grades: { [r1]: "excellent", [r2]: "reject" },
      reasons: { [r2]: "  reads as biology  ", [r1]: "not a reject, dropped", [r3]: "ungraded, dropped" },
      note: " first thoughts ",
    });
    assert.equal(first.revision, 1);
    assert.deepEqual(first.grades, { [r1]: "excellent", [r2]: "reject" });
    assert.deepEqual(first.reasons, { [r2]: "reads as biology" });
    assert.equal(first.note, "first thoughts");
    assert.deepEqual(await getBallot(actor, term.slug), first);

    // Leaving r2 ungraded is "no opinion": a revision replaces the whole ballot.
    const second = await castBallot(actor, term.slug, { grades: { [r1]: "good", [r3]: "acceptable" } });
    assert.equal(second.revision, 2);
    assert.deepEqual(second.grades, { [r1]: "good", [r3]: "acceptable" });
    assert.deepEqual(second.reasons, {});
    assert.equal(second.note, "");

    const row = await db.ballot.findUniqueOrThrow({ where: { termId_userId: { termId: term.id, userId: actor.id } } });
    assert.equal(row.delegationId, actor.delegationId);
    const events = await db.ballotEvent.findMany({ where: { ballotId: row.id }, orderBy: { id: "asc" } });
    assert.deepEqual(
      events.map((e) => [e.revision, e.userId, e.termId, e.grades, e.reasons, e.note, e.cause]),
      [
        [1, actor.id, term.id, first.grades, first.reasons, "first thoughts", "vote"],
        [2, actor.id, term.id, second.grades, {}, "", "vote"],
      ],
    );
    assert.ok(events.every((e) => e.createdAt instanceof Date && !Number.isNaN(e.createdAt.getTime())));
    assert.equal((await db.term.findUniqueOrThrow({ where: { id: term.id } })).tallyVersion, 2);
  });

  it("a scholar only ever writes their own ballot; two scholars' ballots are independent", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const [r1, r2] = ids(term);
    const alice = await createActor(db, { delegation: "Canada" });
    const bo = await createActor(db, { delegation: "China" });
    await castBallot(alice, term.slug, { grades: { [r1]: "excellent" } });
    await castBallot(bo, term.slug, { grades: { [r1]: "poor", [r2]: "good" } });
    // Whatever the input says, there is no field naming whose ballot it is.
    await castBallot(alice, term.slug, { grades: { [r2]: "very_good" }, userId: bo.id, ballotId: "x" });

    assert.deepEqual((await getBallot(alice, term.slug)).grades, { [r2]: "very_good" });
    assert.deepEqual((await getBallot(bo, term.slug)).grades, { [r1]: "poor", [r2]: "good" });
    assert.equal((await getBallot(bo, term.slug)).revision, 1);
    const rows = await db.ballot.findMany({ where: { termId: term.id }, orderBy: { userId: "asc" } });
    assert.deepEqual(
      rows.map((r) => [r.userId, r.delegationId, r.revision]).sort(),
      [[alice.id, alice.delegationId, 2], [bo.id, bo.delegationId, 1]].sort(),
    );
    assert.deepEqual(
      (await db.ballotEvent.findMany({ where: { userId: bo.id } })).map((e) => e.revision),
      [1],
    );
  });

  it("concurrent revisions: last write wins, one row, every event recorded with distinct revisions", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const [r1, r2] = ids(term);
    const actor = await createActor(db);
    const grades = ["reject", "poor", "acceptable", "good", "very_good", "excellent"] as const;
    const inputs = Array.from({ length: 20 }, (_, i) => ({
      grades: { [r1]: grades[i % 6]!, [r2]: grades[(i + 3) % 6]! },
      reasons: { [r1]: `reason ${i}`, [r2]: `reason ${i}` },
      note: `save ${i}`,
    }));
    const results = await Promise.all(inputs.map((input) => castBallot(actor, term.slug, input)));

    assert.deepEqual(results.map((r) => r.revision).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
    const rows = await db.ballot.findMany({ where: { termId: term.id } });
    assert.equal(rows.length, 1);
    const row = rows[0]!;
    assert.equal(row.revision, 20);
    const events = await db.ballotEvent.findMany({ where: { ballotId: row.id }, orderBy: { revision: "asc" } });
    assert.deepEqual(events.map((e) => e.revision), Array.from({ length: 20 }, (_, i) => i + 1));
    // Each event holds what its save wrote; the last one is what the ballot holds now.
    for (const e of events) {
      const save = results.find((r) => r.revision === e.revision)!;
      assert.deepEqual([e.grades, e.reasons, e.note], [save.grades, save.reasons, save.note]);
    }
    const last = events.at(-1)!;
    assert.deepEqual([row.grades, row.reasons, row.note], [last.grades, last.reasons, last.note]);
    assert.equal((await db.term.findUniqueOrThrow({ where: { id: term.id } })).tallyVersion, 20);
    // One live event per save, naming no one: each carries the tally version its save made.
    const live = await db.termEvent.findMany({ where: { termId: term.id }, orderBy: { id: "asc" } });
    assert.deepEqual(live.map((e) => [e.type, e.payload]), Array.from({ length: 20 }, (_, i) => ["ballot", { tallyVersion: i + 1 }]));
  });

  it("concurrent first saves of several scholars each create exactly one ballot", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const [r1] = ids(term);
    const actors = [];
    for (let i = 0; i < 6; i++) actors.push(await createActor(db, { delegation: i % 2 ? "China" : "Canada" }));
    await Promise.all(actors.flatMap((a) => [1, 2, 3].map(() => castBallot(a, term.slug, { grades: { [r1]: "good" } }))));
    assert.equal(await db.ballot.count({ where: { termId: term.id } }), 6);
    assert.equal(await db.ballotEvent.count({ where: { termId: term.id } }), 18);
    assert.equal((await db.term.findUniqueOrThrow({ where: { id: term.id } })).tallyVersion, 18);
  });

  it("the write itself checks the stage: on a term that closed after the read, nothing is written", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const actor = await createActor(db);
    await castBallot(actor, term.slug, { grades: { [ids(term)[0]]: "good" } });
    await db.term.update({ where: { id: term.id }, data: { stage: "provisional" } });
    const before = await db.term.findUniqueOrThrow({ where: { id: term.id } });
    const termEvents = await db.termEvent.count({ where: { termId: term.id } });
    // The write castBallot runs after its read, as if the stage moved in between.
    const saved = await saveBallot({
      termId: term.id, renderingsVersion: before.renderingsVersion, userId: actor.id, delegationId: actor.delegationId!,
      grades: { [ids(term)[0]]: "poor" }, reasons: {}, note: "", at: new Date(), expectedRevision: 1, cells: [],
    });
    assert.equal(saved, null);
    const ballot = await db.ballot.findFirstOrThrow({ where: { termId: term.id } });
    assert.deepEqual([ballot.revision, ballot.grades], [1, { [ids(term)[0]]: "good" }]);
    assert.equal(await db.ballotEvent.count({ where: { termId: term.id } }), 1);
    assert.equal((await db.term.findUniqueOrThrow({ where: { id: term.id } })).tallyVersion, before.tallyVersion);
    assert.equal(await db.termEvent.count({ where: { termId: term.id } }), termEvents);
  });

  it("the write checks the renderings: after a rendering change since the read, nothing is written", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const actor = await createActor(db);
    await ensureCells(term.id);
    const read = await db.term.findUniqueOrThrow({ where: { id: term.id } });
    // A merge, hide or withdrawal moves the version (server/results/service.ts bumpTally) after castBallot read it.
    await db.term.update({ where: { id: term.id }, data: { renderingsVersion: { increment: 1 } } });
    const saved = await saveBallot({
      termId: term.id, renderingsVersion: read.renderingsVersion, userId: actor.id, delegationId: actor.delegationId!,
      grades: { [ids(term)[0]]: "poor" }, reasons: {}, note: "", at: new Date(), expectedRevision: 0, cells: [],
    });
    assert.equal(saved, null);
    assert.equal(await db.ballot.count({ where: { termId: term.id } }), 0);
    assert.equal(await db.ballotEvent.count({ where: { termId: term.id } }), 0);
    assert.equal(await db.termEvent.count({ where: { termId: term.id } }), 0);
    assert.equal((await db.term.findUniqueOrThrow({ where: { id: term.id } })).tallyVersion, read.tallyVersion);
    // castBallot reads again and saves against the new version.
    assert.equal((await castBallot(actor, term.slug, { grades: { [ids(term)[0]]: "poor" } })).revision, 1);
  });

  it("a save while another transaction holds the database waits for it and is then stored", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const actor = await createActor(db);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    // SQLite: Prisma's adapter holds the one connection from BEGIN to COMMIT, so the save must
    // not run its statements on it meanwhile (server/db/sqlite-direct.ts) but queue behind it.
    const other = db.$transaction(async (tx) => {
      await tx.term.update({ where: { id: term.id }, data: { context: "edited meanwhile" } });
      entered();
      await held;
    });
    await inside;
    const save = castBallot(actor, term.slug, { grades: { [ids(term)[0]]: "good" } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await other;
    assert.equal((await save).revision, 1);
    assert.equal(await db.ballotEvent.count({ where: { termId: term.id } }), 1);
    assert.equal(await db.termEvent.count({ where: { termId: term.id, type: "ballot" } }), 1);
    const after = await db.term.findUniqueOrThrow({ where: { id: term.id } });
    assert.deepEqual([after.context, after.tallyVersion], ["edited meanwhile", 1]);
  });

  it("an unknown term is not_found", async () => {
    const actor = await createActor(database().db);
    await expectAppError(castBallot(actor, "no-such-term", { grades: {} }), "not_found");
    await expectAppError(getBallot(actor, "no-such-term"), "not_found");
  });
});

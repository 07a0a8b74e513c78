import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { runTallyCli } from "@/test/support/cli";
import { createActor, makeTerm, SAMPLE_TEXTS, ids } from "@/test/support/factories";
import { castBallot } from "@/server/ballots/service";
import { bumpTally, getResults, getResultsJson, leaderOf } from "@/server/results/service";
import { exportBallots } from "@/server/ballots/export";
import { seed } from "@/server/seed/seed";
import { getTerm } from "@/server/terms/read";
import type { Db } from "@/server/db/client";
import { cellsOf, type Cell } from "@/lib/tally/cells";
import { readCells } from "@/server/results/cells";
import { changeTerm } from "@/server/terms/change";
import { renameDelegation } from "@/server/membership/delegations";
import { ballotExportSchema, GRADES, resultsSchema, tally, type BallotExport, type Grade } from "@/lib/tally";
import { LISTED_REASONS } from "@/lib/tally/reasons";

/**
 * The oracle: a full recount straight from the rows, written independently of the service
 * (its own queries, its own filtering), through the pure tally.
 */
async function recountFromRows(db: Db, termId: string): Promise<ReturnType<typeof tally>> {
  const term = await db.term.findUniqueOrThrow({ where: { id: termId } });
  const renderings = await db.rendering.findMany({ where: { termId, status: "active" } });
  const ballots = await db.ballot.findMany({ where: { termId }, include: { delegation: true } });
  const input: BallotExport = {
    term: term.slug,
    renderings: renderings.map((r) => ({ id: r.id, text: r.text, createdAt: r.createdAt.toISOString() })),
    ballots: ballots.map((b) => ({
      voter: b.userId,
      delegation: b.delegation.name,
      grades: b.grades as Record<string, Grade>,
      reasons: b.reasons as Record<string, string>,
    })),
  };
  return tally(input);
}

/** The cells a rebuild from the rows would give, named as readCells names them (delegation names). */
async function rebuiltCells(db: Db, termId: string): Promise<Cell[]> {
  const renderings = await db.rendering.findMany({ where: { termId, status: "active" } });
  const ballots = await db.ballot.findMany({ where: { termId }, include: { delegation: true } });
  const tallied = ballots.map((b) => ({ delegation: b.delegation.name, grades: b.grades as Record<string, Grade>, reasons: b.reasons as Record<string, string> }));
  return sortedCells(cellsOf(tallied, new Set(renderings.map((r) => r.id))));
}

function sortedCells(cells: Cell[]): Cell[] {
  return [...cells].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
}

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seedValue: number) {
  let s = seedValue >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** One after the other: createActor upserts the delegation, which races when run in parallel. */
async function createActors(db: Db, delegations: string[]) {
  const actors = [];
  for (const delegation of delegations) actors.push(await createActor(db, { delegation }));
  return actors;
}

describeEachEngine("results", ({ database }) => {
  it("the cached results always equal a full recount, through a random sequence of writes and reads", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const renderingIds = ids(term);
    const actors = await createActors(db, ["Canada", "China", "Mexico", "Canada", "China", "Mexico", "Canada", "China"]);
    const pick = random(20260101);
    let served = 0;
    for (let step = 0; step < 60; step++) {
      const move = pick(10);
      if (move < 6) {
        // A save: some renderings graded, some left with no opinion, rejects with reasons.
        const grades: Record<string, Grade> = {};
        const reasons: Record<string, string> = {};
        const open = await db.rendering.findMany({ where: { termId: term.id, status: "active" }, select: { id: true } });
        for (const { id } of open) {
          if (pick(4) === 0) continue;
          const grade = GRADES[pick(GRADES.length)]!;
          grades[id] = grade;
          if (grade === "reject") reasons[id] = `reason ${step}`;
        }
        await castBallot(actors[pick(actors.length)]!, term.slug, { grades, reasons });
      } else if (move < 7) {
        // A rendering leaves or comes back, as other features do, bumping the tally with it.
        const id = renderingIds[pick(renderingIds.length)]!;
        const now = await db.rendering.findUniqueOrThrow({ where: { id } });
        await changeTerm(term.id, { renderings: true }, (tx) =>
          tx.rendering.update({ where: { id }, data: { status: now.status === "active" ? "withdrawn" : "active" } }),
        );
      } else {
        // Reads, sometimes several in a row: the second is served from the cache.
        for (let k = 0; k <= pick(2); k++) {
          const results = await getResults(term.slug);
          assert.deepStrictEqual(results, await recountFromRows(db, term.id), `step ${step}`);
          served++;
        }
        assert.deepStrictEqual(sortedCells(await readCells(term.id)), await rebuiltCells(db, term.id), "maintained cells = a rebuild");
      }
    }
    assert.deepStrictEqual(await getResults(term.slug), await recountFromRows(db, term.id));
    assert.deepStrictEqual(JSON.parse(new TextDecoder().decode(await getResultsJson(term.slug))), await recountFromRows(db, term.id));
    assert.ok(served > 10);
    resultsSchema.parse(await getResults(term.slug));
  });

  it("lists at most LISTED_REASONS reject reasons, picked in the database in the tally's order, equal to a recount", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const [r1, r2] = ids(term);
    const actors = await createActors(db, [...Array<string>(30).fill("China"), "Canada"]);
    // 26 distinct texts over 30 voters: two given twice, two three times, ties at the cut, and
    // texts whose code point order differs from JavaScript's code unit order (U+E000 vs U+1F600).
    const texts = Array.from({ length: 30 }, (_, i) =>
      i < 3 ? "太抽象" : i < 6 ? "reads as biology" : i < 8 ? "\u{E000} private" : i < 10 ? "\u{1F600} emoji" : `reason ${String(i).padStart(2, "0")}`,
    );
    for (const [i, actor] of actors.entries()) {
      const grades: Record<string, Grade> = actor.delegation === "Canada" ? { [r1]: "good", [r2]: "good" } : { [r1]: "reject", [r2]: "good" };
      await castBallot(actor, term.slug, { grades, reasons: actor.delegation === "Canada" ? {} : { [r1]: texts[i]! } });
    }
    const results = await getResults(term.slug);
    assert.deepStrictEqual(results, await recountFromRows(db, term.id));
    const listed = results.renderings[r1]!.rejectReasons.China!;
    assert.equal(listed.length, LISTED_REASONS);
    assert.deepEqual(listed.slice(0, 4), [
      { text: "reads as biology", voters: 3 },
      { text: "太抽象", voters: 3 },
      { text: "\u{E000} private", voters: 2 },
      { text: "\u{1F600} emoji", voters: 2 },
    ]);
    assert.equal(listed.reduce((sum, r) => sum + r.voters, 0), 10 + 16);
    // A voter changing their reason moves the counts; one whose reason fell to no voters leaves the list.
    await castBallot(actors[0]!, term.slug, { grades: { [r1]: "reject", [r2]: "good" }, reasons: { [r1]: "\u{1F600} emoji" } });
    await castBallot(actors[1]!, term.slug, { grades: { [r1]: "good", [r2]: "good" } });
    await castBallot(actors[2]!, term.slug, { grades: { [r1]: "good", [r2]: "good" } });
    const after = await getResults(term.slug);
    assert.deepStrictEqual(after, await recountFromRows(db, term.id));
    assert.deepEqual(after.renderings[r1]!.rejectReasons.China!.slice(0, 3), [
      { text: "reads as biology", voters: 3 },
      { text: "\u{1F600} emoji", voters: 3 },
      { text: "\u{E000} private", voters: 2 },
    ]);
    assert.ok(!after.renderings[r1]!.rejectReasons.China!.some((r) => r.text === "太抽象"));
  });

  it("reads of one version share one computation; a write moves the version and the next read computes again", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const [r1, r2] = ids(term);
    const actor = await createActor(db);
    await castBallot(actor, term.slug, { grades: { [r1]: "good", [r2]: "poor" } });
    const [a, b] = await Promise.all([getResults(term.slug), getResults(term.slug)]);
    assert.equal(a, b, "concurrent reads of one version: one computation");
    assert.equal(await getResults(term.slug), a, "a later read of the same version: the same results");
    assert.deepEqual(a.ranking.slice(0, 2), [r1, r2]);

    const row = await db.term.findUniqueOrThrow({ where: { id: term.id } });
    await castBallot(actor, term.slug, { grades: { [r1]: "poor", [r2]: "excellent" } });
    const after = await getResults(term.slug);
    assert.notEqual(after, a);
    assert.deepEqual(after.ranking.slice(0, 2), [r2, r1]);
    assert.equal((await db.term.findUniqueOrThrow({ where: { id: term.id } })).tallyVersion, row.tallyVersion + 1);
    assert.deepStrictEqual(after, await recountFromRows(db, term.id));
  });

  it("renaming a delegation renames it in the results at once (the counts stay, keyed by id)", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const [r1] = ids(term);
    const actor = await createActor(db, { delegation: "Mexico" });
    await castBallot(actor, term.slug, { grades: { [r1]: "good" } });
    assert.ok((await getResults(term.slug)).delegations.includes("Mexico"));
    const admin = await createActor(db, { role: "admin" });
    await renameDelegation(admin, actor.delegationId!, { name: "México" });
    const after = await getResults(term.slug);
    assert.ok(after.delegations.includes("México") && !after.delegations.includes("Mexico"), JSON.stringify(after.delegations));
    assert.deepStrictEqual(after, await recountFromRows(db, term.id));
  });

  it("the API's bytes kept by this process are served only while their version is the current one", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const [r1, r2] = ids(term);
    const actor = await createActor(db);
    const json = async () => JSON.parse(new TextDecoder().decode(await getResultsJson(term.slug))) as { term: string; ranking: string[]; voters: number };
    await castBallot(actor, term.slug, { grades: { [r1]: "good", [r2]: "poor" } });
    assert.deepEqual((await json()).ranking.slice(0, 2), [r1, r2]);
    const kept = await getResultsJson(term.slug);

    // Same version: the kept bytes, not a computation.
    assert.equal(await getResultsJson(term.slug), kept, "the very same bytes");

    // The version moves (a ballot): the kept bytes are dropped for the recount.
    await castBallot(actor, term.slug, { grades: { [r1]: "poor", [r2]: "excellent" } });
    const after = await json();
    assert.deepEqual([after.term, after.ranking.slice(0, 2)], [term.slug, [r2, r1]]);

    // The version moves without a ballot (another instance's rendering change, say): the same.
    await bumpTally(db, term.id);
    assert.notEqual(await getResultsJson(term.slug), kept);
    assert.deepEqual(await json(), await recountFromRows(db, term.id));
  });

  it("reads racing writes: the maintained cells stay a rebuild's and the results a recount's", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const renderingIds = ids(term);
    const actors = await createActors(db, ["Canada", "China", "Canada", "China", "Canada"]);
    const pick = random(7);
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        Array.from({ length: 24 }, (_, i) => {
          if (i % 3 === 0) return getResults(term.slug);
          const grades = Object.fromEntries(renderingIds.map((id) => [id, GRADES[1 + pick(GRADES.length - 1)]!]));
          return castBallot(actors[pick(actors.length)]!, term.slug, { grades });
        }),
      );
      // Whatever interleaving happened, the maintained cells are exactly a rebuild's.
      assert.deepStrictEqual(sortedCells(await readCells(term.id)), await rebuiltCells(db, term.id), `round ${round}`);
      assert.deepStrictEqual(await getResults(term.slug), await recountFromRows(db, term.id), `round ${round}`);
    }
  });

  it("the export names no one, keeps voter ids stable per term, and `npm run tally` on it equals the served results", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const other = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const [r1, r2, r3] = ids(term);
    const alice = await createActor(db, { delegation: "Canada", name: "Alice Tremblay" });
    const bo = await createActor(db, { delegation: "China", name: "Bo Zhang" });
    await castBallot(alice, term.slug, {
      grades: { [r1]: "excellent", [r2]: "reject", [r3]: "good" },
      reasons: { [r2]: "共生 reads as biology" },
      note: "private note of Alice",
    });
    await castBallot(bo, term.slug, { grades: { [r1]: "acceptable", [r2]: "very_good" } });
    await castBallot(alice, other.slug, { grades: { [ids(other)[0]]: "good" } });

    const exported = await exportBallots(term.slug);
    ballotExportSchema.parse(exported);
    const text = JSON.stringify(exported);
    for (const secret of [alice.name, bo.name, alice.email, bo.email, alice.id, bo.id, "private note"])
      assert.ok(!text.includes(secret), `the export leaks ${secret}`);
    assert.deepEqual(exported.renderings.map((r) => r.id), [r1, r2, r3, ...ids(term).slice(3)]);
    assert.equal(exported.ballots.length, 2);
    for (const b of exported.ballots) assert.match(b.voter, /^v-[0-9a-f]{16}$/);
    assert.deepEqual(exported.ballots.map((b) => b.delegation).sort(), ["Canada", "China"]);
    const aliceVoter = exported.ballots.find((b) => b.delegation === "Canada")!;
    assert.deepEqual(aliceVoter.reasons, { [r2]: "共生 reads as biology" });

    // Stable: a revision keeps the pseudonym; another term gives the same scholar another one.
    await castBallot(alice, term.slug, { grades: { [r1]: "very_good", [r2]: "reject" }, reasons: { [r2]: "still biology" } });
    const again = await exportBallots(term.slug);
    assert.deepEqual(again.ballots.map((b) => b.voter), exported.ballots.map((b) => b.voter));
    const elsewhere = await exportBallots(other.slug);
    assert.ok(!exported.ballots.some((b) => b.voter === elsewhere.ballots[0]!.voter));

    const file = path.join(mkdtempSync(path.join(tmpdir(), "gongshang-export-")), "export.json");
    writeFileSync(file, JSON.stringify(again));
    const run = await runTallyCli([file]);
    assert.equal(run.stderr, "");
    assert.equal(run.status, 0);
    assert.deepStrictEqual(JSON.parse(run.stdout), await getResults(term.slug));
    assert.deepStrictEqual(JSON.parse(JSON.stringify(await getResults(term.slug))), await getResults(term.slug));
  });

  it("the term page's leader and consensus come from the results", async () => {
    const { db } = database();
    await seed(db);
    const cso = await getTerm("cso");
    assert.equal(cso.leader, null);
    const [gongcun, gongsheng] = cso.renderings;
    const canada = await createActor(db, { delegation: "Canada" });
    const china = await createActor(db, { delegation: "China" });
    await castBallot(canada, "cso", { grades: { [gongsheng!.id]: "excellent", [gongcun!.id]: "good" } });
    await castBallot(china, "cso", { grades: { [gongsheng!.id]: "reject", [gongcun!.id]: "very_good" }, reasons: { [gongsheng!.id]: "biology" } });
    const after = await getTerm("cso");
    // 共存 is preferred by China, 共生 by Canada: a tie of 1:1, broken by the median.
    const results = await getResults("cso");
    assert.deepEqual(after.leader, { id: results.ranking[0], text: results.renderings[results.ranking[0]!]!.text });
    assert.deepEqual(after.consensus, { id: gongcun!.id, text: "多元共存" });
    assert.deepEqual(await leaderOf(after.id), { leader: after.leader, consensus: after.consensus });
  });
});

import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, makeTerm, SAMPLE_TEXTS, ids } from "@/test/support/factories";
import { directSqlite, type DirectSqlite } from "@/server/db/direct";
import { groupCommit } from "@/server/db/group-commit";
import { castBallot } from "@/server/ballots/service";
import { getResults, recountResults } from "@/server/results/service";
import { Prisma } from "@/generated/sqlite/client";
import type { Db } from "@/server/db/client";

type Job = { key: string; keep?: boolean; fail?: boolean };

/** A group commit writing one row per job into a scratch table, recording each transaction it finished. */
function scratchGroups(finishFails = false) {
  const finished: string[][] = [];
  const write = (direct: DirectSqlite, key: string) => direct.run(Prisma.sql`INSERT INTO "gc_scratch" ("k") VALUES (${key})`);
  const group = groupCommit<Job, string>({
    each(direct, job) {
      write(direct, job.key);
      if (job.fail) throw new Error(`job ${job.key} failed`);
      return { keep: job.keep !== false, value: job.key };
    },
    finish(direct, kept) {
      write(direct, `finish:${kept.map((j) => j.key).join(",")}`);
      finished.push(kept.map((j) => j.key));
      if (finishFails) throw new Error("finish failed");
    },
    alone: async (job) => job.key,
  });
  return { group, finished };
}

async function scratchRows(db: Db): Promise<string[]> {
  return (await db.$queryRawUnsafe<{ k: string }[]>(`SELECT "k" FROM "gc_scratch" ORDER BY "rowid"`)).map((r) => r.k);
}

describeEachEngine(
  "group commit of SQLite writes",
  ({ database }) => {
    it("jobs of one turn share one transaction; one undone or failing job leaves the others and their finish", async () => {
      const { db } = database();
      await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "gc_scratch" ("k" TEXT NOT NULL)`);
      await db.$executeRawUnsafe(`DELETE FROM "gc_scratch"`);
      assert.ok(directSqlite());
      const { group, finished } = scratchGroups();
      const answers = await Promise.allSettled([
        group.submit({ key: "a" }),
        group.submit({ key: "b", keep: false }),
        group.submit({ key: "c", fail: true }),
        group.submit({ key: "d" }),
      ]);
      assert.deepEqual(
        answers.map((a) => (a.status === "fulfilled" ? a.value : (a.reason as Error).message)),
        ["a", "b", "job c failed", "d"],
      );
      assert.deepEqual(finished, [["a", "d"]], "one transaction, finished once with the kept jobs");
      assert.deepEqual(await scratchRows(db), ["a", "d", "finish:a,d"]);
      // The next turn is the next transaction.
      await Promise.all([group.submit({ key: "e" }), group.submit({ key: "f" })]);
      assert.deepEqual(finished, [["a", "d"], ["e", "f"]]);
    });

    it("when the group's finish fails, nothing of the group is written and every caller gets the error", async () => {
      const { db } = database();
      await db.$executeRawUnsafe(`DELETE FROM "gc_scratch"`);
      const { group } = scratchGroups(true);
      const answers = await Promise.allSettled([group.submit({ key: "x" }), group.submit({ key: "y" })]);
      assert.deepEqual(answers.map((a) => a.status), ["rejected", "rejected"]);
      assert.deepEqual(await scratchRows(db), []);
    });

    it("ballots saved together, one scholar's two saves racing in the same group: each saved once, revisions in order, results = recount", async () => {
      const { db } = database();
      const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
      const [r1, r2, r3] = ids(term);
      const scholars = [];
      for (let i = 0; i < 12; i++) scholars.push(await createActor(db, { delegation: i % 2 ? "China" : "Canada" }));
      const racer = scholars[0]!;
      const saves = await Promise.all([
        ...scholars.map((s, i) => castBallot(s, term.slug, { grades: { [r1]: i % 3 ? "good" : "reject", [r2]: "poor" }, reasons: i % 3 ? {} : { [r1]: `too literal ${i % 2}` } })),
        castBallot(racer, term.slug, { grades: { [r3]: "excellent" } }),
        castBallot(racer, term.slug, { grades: { [r2]: "very_good" } }),
      ]);
      const racerRevisions = [saves[0]!, saves[12]!, saves[13]!].map((s) => s.revision).sort();
      assert.deepEqual(racerRevisions, [1, 2, 3], "the racing saves each got their own revision");
      for (const s of saves.slice(1, 12)) assert.equal(s.revision, 1);
      const stored = await db.ballot.findMany({ where: { termId: term.id } });
      assert.equal(stored.length, 12);
      const events = await db.ballotEvent.count({ where: { termId: term.id } });
      assert.equal(events, 14);
      assert.deepStrictEqual(await getResults(term.slug), await recountResults(term.slug));
    });
  },
  { engines: ["sqlite"] },
);

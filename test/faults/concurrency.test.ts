/**
 * Concurrency (issue 7): 200 scholars each revise their ballot 20 times, all at once, over
 * HTTP against the built server, while a reader keeps asking for the results (so the tally
 * cache is filled in the middle of the writes). Afterwards: no request got a 5xx, every
 * accepted save has its event with the content that was sent, each ballot is its scholar's
 * last save, the term's tally version moved once per save, and both the served and the
 * stored tally equal a full recount from the final ballots.
 *
 * Bounds: FAULTS_SCHOLARS (default 200) × FAULTS_REVISIONS (default 20), on both engines.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { GRADES } from "@/lib/tally/grades";
import { plantScholars, json, recount, termBySlug, type Scholar } from "@/test/support/raw-sql";
import { useApp } from "@/test/support/app";
import { call, pool } from "@/test/support/http";
import { describeEachEngine } from "@/test/support/db";

const SCHOLARS = Number(process.env.FAULTS_SCHOLARS ?? 200);
const REVISIONS = Number(process.env.FAULTS_REVISIONS ?? 20);

type Body = { grades: Record<string, string>; reasons: Record<string, string>; note: string };

/** Scholar s's k-th ballot: a different grade mix every time, a reject now and then. */
function ballot(renderings: string[], s: number, k: number): Body {
  const grades: Record<string, string> = {};
  const reasons: Record<string, string> = {};
  renderings.forEach((id, r) => {
    const x = (s * 31 + k * 17 + r * 7) % 13;
    if (x === 12) return; // no opinion
    const g = GRADES[x % GRADES.length]!;
    grades[id] = g;
    if (g === "reject") reasons[id] = `scholar ${s} cannot accept this (revision ${k})`;
  });
  return { grades, reasons, note: `scholar ${s}, revision ${k}` };
}

describeEachEngine("concurrent ballot revisions", ({ engine }) => {
  // These tests are about races, not about overload: the write admission (which answers 503
  // beyond WRITE_QUEUE_WAIT_MS, tested in test/integration/overload.test.ts) lets them queue as
  // long as they need on a slow machine.
  const app = useApp(engine, "concurrency", { env: { WRITE_QUEUE_WAIT_MS: "60000", WRITE_QUEUE: "100000" } });

  it(`${SCHOLARS} scholars × ${REVISIONS} revisions at once: no 5xx, an event per accepted save, tally = recount`, { timeout: 600_000 }, async () => {
    const { server, sql } = app();
    const term = await termBySlug(sql, "cso");
    const scholars = await plantScholars(sql, SCHOLARS, "conc");
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    /** What the server acknowledged: per user, revision → the body sent. */
    const acked = new Map<string, Map<number, Body>>();
    const lastSent = new Map<string, Body>();

    let writing = true;
    const readerStatuses: number[] = [];
    const reader = (async () => {
      while (writing) {
        // Every read after a write recounts (the version moved), so reads are slow under this load.
        const r = await call(server.url, "/api/terms/cso/results", { timeoutMs: 120_000 }).catch(() => ({ status: 0 }));
        readerStatuses.push(r.status);
        await new Promise((res) => setTimeout(res, 25));
      }
    })();

    const started = Date.now();
    await pool(scholars, scholars.length, async (s: Scholar, i) => {
      const mine = new Map<number, Body>();
      acked.set(s.id, mine);
      for (let k = 1; k <= REVISIONS; k++) {
        const body = ballot(term.renderings, i, k);
        lastSent.set(s.id, body);
        const r = await call(server.url, "/api/terms/cso/ballot", { method: "PUT", token: s.token, body, timeoutMs: 120_000 });
        count(r.status);
        if (r.status === 200) {
          const view = r.json as { revision: number; grades: Record<string, string>; note: string };
          assert.deepEqual(view.grades, body.grades);
          assert.ok(!mine.has(view.revision), `revision ${view.revision} acknowledged twice for ${s.id}`);
          mine.set(view.revision, body);
        }
      }
    });
    writing = false;
    await reader;
    const seconds = (Date.now() - started) / 1000;
    const total = SCHOLARS * REVISIONS;
    console.log(`  [${engine}] ${total} saves in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)}/s); statuses ${JSON.stringify(Object.fromEntries(statuses))}; results reads ${readerStatuses.length}`);

    // No 5xx anywhere; and since every body was valid, every save was accepted.
    const fiveXX = [...statuses].filter(([st]) => st >= 500 || st === 0);
    assert.deepEqual(fiveXX, [], "ballot saves answered 5xx (or no answer)");
    assert.deepEqual(readerStatuses.filter((st) => st !== 200), [], "results reads during the writes failed");
    assert.equal(statuses.get(200), total, `not every save was accepted: ${JSON.stringify(Object.fromEntries(statuses))}`);

    // Every accepted save has its event, with what was sent; revisions are 1..n per scholar.
    const events = await sql.all<{ userId: string; revision: number; grades: unknown; note: string }>(
      `SELECT "userId", "revision", "grades", "note" FROM "BallotEvent" WHERE "termId" = ? AND "userId" LIKE 'u-conc-%'`,
      [term.id],
    );
    const eventsBy = new Map<string, Map<number, { grades: unknown; note: string }>>();
    for (const e of events) {
      const m = eventsBy.get(e.userId) ?? new Map();
      assert.ok(!m.has(Number(e.revision)), `two events with revision ${e.revision} for ${e.userId}`);
      m.set(Number(e.revision), { grades: json(e.grades), note: e.note });
      eventsBy.set(e.userId, m);
    }
    assert.equal(events.length, total, "one event per accepted save");
    for (const [userId, mine] of acked) {
      const theirs = eventsBy.get(userId) ?? new Map();
      assert.equal(mine.size, REVISIONS);
      for (const [revision, body] of mine) {
        const e = theirs.get(revision);
        assert.ok(e, `no event for ${userId} revision ${revision}`);
        assert.deepEqual(e.grades, body.grades, `event ${userId}#${revision} differs from the save`);
        assert.equal(e.note, body.note);
      }
    }

    // Each ballot is the scholar's last save (a scholar's saves were sequential).
    const ballots = await sql.all<{ userId: string; revision: number; grades: unknown; note: string }>(
      `SELECT "userId", "revision", "grades", "note" FROM "Ballot" WHERE "termId" = ? AND "userId" LIKE 'u-conc-%'`,
      [term.id],
    );
    assert.equal(ballots.length, SCHOLARS);
    for (const b of ballots) {
      assert.equal(Number(b.revision), REVISIONS);
      assert.deepEqual(json(b.grades), lastSent.get(b.userId)!.grades);
    }

    // The tally version moved exactly once per save.
    const after = await termBySlug(sql, "cso");
    assert.equal(after.tallyVersion, term.tallyVersion + total);

    // Served and stored results equal a full recount from the final ballots.
    const expected = await recount(sql, "cso");
    const served = await call(server.url, "/api/terms/cso/results");
    assert.equal(served.status, 200);
    assert.deepEqual(served.json, expected, "served results differ from a recount");
    // The maintained tally itself (not only what was served) counts every scholar once.
    const [cells] = await sql.all<{ voters: number; stale: number }>(
      `SELECT (SELECT SUM("n") FROM "TallyCell" WHERE "termId" = ? AND "kind" = 'voters') AS "voters",
        (SELECT COUNT(*) FROM "TallyCell" WHERE "termId" = ? AND ("n" < 0 OR "counts" LIKE '%-%')) AS "stale"`,
      [term.id, term.id],
    );
    assert.equal(Number(cells!.voters), expected.voters, "the maintained voter count differs from a recount");
    assert.equal(Number(cells!.stale), 0, "a maintained count went negative");
    assert.equal(expected.voters, SCHOLARS);
  });

  it("one scholar's saves racing each other: distinct revisions, an event each, the ballot is the highest revision", { timeout: 120_000 }, async () => {
    const { server, sql } = app();
    const term = await termBySlug(sql, "cso");
    const scholars = await plantScholars(sql, 20, "race");
    const PER = 10;
    const results = await pool(
      scholars.flatMap((s, i) => Array.from({ length: PER }, (_, k) => ({ s, body: ballot(term.renderings, 1000 + i, k) }))),
      200,
      async ({ s, body }) => ({ s, body, r: await call(server.url, "/api/terms/cso/ballot", { method: "PUT", token: s.token, body, timeoutMs: 60_000 }) }),
    );
    assert.deepEqual(results.filter(({ r }) => r.status !== 200).map(({ r }) => `${r.status} ${r.text.slice(0, 200)}`), []);
    for (const s of scholars) {
      const mine = results.filter((x) => x.s === s);
      const revisions = mine.map(({ r }) => (r.json as { revision: number }).revision).sort((a, b) => a - b);
      assert.deepEqual(revisions, Array.from({ length: PER }, (_, k) => k + 1), `revisions of ${s.id}`);
      const events = await sql.all<{ revision: number; note: string }>(
        `SELECT "revision", "note" FROM "BallotEvent" WHERE "userId" = ? ORDER BY "revision"`,
        [s.id],
      );
      assert.deepEqual(events.map((e) => Number(e.revision)), revisions);
      const top = mine.find(({ r }) => (r.json as { revision: number }).revision === PER)!;
      const [b] = await sql.all<{ revision: number; note: string }>(`SELECT "revision", "note" FROM "Ballot" WHERE "userId" = ?`, [s.id]);
      assert.equal(Number(b!.revision), PER);
      assert.equal(b!.note, top.body.note, "the ballot is not the save that got the highest revision");
      for (const { r, body } of mine) {
        const e = events.find((x) => Number(x.revision) === (r.json as { revision: number }).revision)!;
        assert.equal(e.note, body.note);
      }
    }
    assert.deepEqual((await call(server.url, "/api/terms/cso/results")).json, await recount(sql, "cso"));
  });
}, { database: false });

/**
 * Crash (issue 7): SIGKILL the server in the middle of a ballot load, start it again (as
 * `npm start` does: migrations, seed, next start) on the same database. Every save that was
 * acknowledged with a 2xx before the kill is there, with its event; every scholar's events are
 * complete (revisions 1..n, no gap, the ballot is revision n); the database opens cleanly
 * (SQLite: integrity and foreign-key checks) and serves reads and writes again.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { plantScholars, json, openSql, recount, termBySlug } from "@/test/support/raw-sql";
import { useApp } from "@/test/support/app";
import { call } from "@/test/support/http";
import { describeEachEngine } from "@/test/support/db";
import { sleep } from "@/test/support/app";

const WRITERS = 100;

describeEachEngine("crash during a ballot load", ({ engine }) => {
  const app = useApp(engine, "crash");

  it("SIGKILL mid-load loses no acknowledged save; the database opens cleanly after restart", { timeout: 300_000 }, async () => {
    const { server, sql, database } = app();
    const term = await termBySlug(sql, "cso");
    const scholars = await plantScholars(sql, WRITERS, "crash");
    const [r1, r2] = term.renderings as [string, string];
    const acked: { userId: string; revision: number; note: string }[] = [];
    let inFlight = 0;
    let stop = false;
    const failures: string[] = [];

    const loops = scholars.map(async (s, i) => {
      for (let k = 1; !stop; k++) {
        const note = `writer ${i} save ${k}`;
        inFlight++;
        try {
          const r = await call(server.url, "/api/terms/cso/ballot", {
            method: "PUT",
            token: s.token,
            body: { grades: { [r1]: k % 2 ? "good" : "poor", [r2]: "acceptable" }, note },
            timeoutMs: 60_000,
          });
          if (r.status >= 200 && r.status < 300) acked.push({ userId: s.id, revision: (r.json as { revision: number }).revision, note });
          else failures.push(`save answered ${r.status}: ${r.text.slice(0, 200)}`);
        } catch (e) {
          if (!stop) failures.push(`save failed before the kill: ${(e as Error).message}`);
          return; // the server is gone: this save may or may not have been committed
        } finally {
          inFlight--;
        }
      }
    });

    // Let the load run until a good number of saves is acknowledged, then kill mid-stream.
    const deadline = Date.now() + 60_000;
    while (acked.length < 300 && failures.length === 0 && Date.now() < deadline) await sleep(50);
    stop = true;
    const inFlightAtKill = inFlight;
    await server.crash();
    await Promise.all(loops);
    const ackedAtKill = acked.length;
    assert.deepEqual(failures.slice(0, 5), [], `saves failed before the kill:\n${server.logs()}`);
    assert.ok(ackedAtKill >= 300, `only ${ackedAtKill} saves acknowledged in 60 s`);
    console.log(`  [${engine}] killed with ${ackedAtKill} saves acknowledged and ${inFlightAtKill} in flight`);
    assert.ok(inFlightAtKill > 0, "nothing was in flight at the kill: not a mid-load crash");

    // The database opens cleanly.
    await sql.close();
    if (engine === "sqlite") {
      const Database = (await import("better-sqlite3")).default;
      const file = (database.config as { file: string }).file;
      const raw = new Database(file);
      try {
        assert.equal(raw.pragma("integrity_check", { simple: true }), "ok");
        assert.deepEqual(raw.pragma("foreign_key_check"), []);
      } finally {
        raw.close();
      }
    }
    await server.launch(); // prepare-db (migrations + seed) and next start, as after a crash in production
    const check = await openSql(database.config);
    app().sql = check;

    // Every acknowledged save is there, with its event.
    const events = await check.all<{ userId: string; revision: number; note: string }>(
      `SELECT "userId", "revision", "note" FROM "BallotEvent" WHERE "termId" = ? AND "userId" LIKE 'u-crash-%'`,
      [term.id],
    );
    const byKey = new Map(events.map((e) => [`${e.userId}#${Number(e.revision)}`, e.note]));
    const lost = acked.filter((a) => byKey.get(`${a.userId}#${a.revision}`) !== a.note);
    assert.deepEqual(lost, [], `${lost.length} acknowledged saves are missing after the crash`);

    // Each scholar's history is whole: revisions 1..n, the ballot at n and as its last event.
    const ballots = await check.all<{ userId: string; revision: number; note: string; grades: unknown }>(
      `SELECT "userId", "revision", "note", "grades" FROM "Ballot" WHERE "termId" = ? AND "userId" LIKE 'u-crash-%'`,
      [term.id],
    );
    for (const b of ballots) {
      const mine = events.filter((e) => e.userId === b.userId).map((e) => Number(e.revision)).sort((x, y) => x - y);
      assert.deepEqual(mine, Array.from({ length: Number(b.revision) }, (_, i) => i + 1), `history of ${b.userId}`);
      assert.equal(byKey.get(`${b.userId}#${Number(b.revision)}`), b.note);
      const maxAcked = Math.max(0, ...acked.filter((a) => a.userId === b.userId).map((a) => a.revision));
      assert.ok(Number(b.revision) >= maxAcked);
      assert.ok(typeof json(b.grades) === "object");
    }

    // It serves again: results equal a recount, and a scholar's next save continues the history.
    const results = await call(server.url, "/api/terms/cso/results");
    assert.equal(results.status, 200);
    assert.deepEqual(results.json, await recount(check, "cso"));
    const s = scholars[0]!;
    const before = ballots.find((b) => b.userId === s.id);
    const next = await call(server.url, "/api/terms/cso/ballot", { method: "PUT", token: s.token, body: { grades: { [r1]: "excellent" } } });
    assert.equal(next.status, 200, next.text);
    assert.equal((next.json as { revision: number }).revision, Number(before?.revision ?? 0) + 1);
  });
}, { database: false });

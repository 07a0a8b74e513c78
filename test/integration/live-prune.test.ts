import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { seed } from "@/server/seed/seed";
import { createDb, db } from "@/server/db/client";
import { pruneTermEvents, prunedThrough } from "@/server/live/prune";
import { termEventStream } from "@/server/live/stream";
import { loadTermPage } from "@/server/terms/page";
import type { SseFrame } from "@/lib/live";
import { readFrames } from "@/test/support/sse";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date();
const OLD = new Date(NOW.getTime() - 8 * DAY);
const RETENTION = { retentionDays: 7, now: NOW };

async function termId(slug = "cso") {
  return (await db().term.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** Appends `count` events to a term's log, created at `createdAt`; returns their ids. */
async function addEvents(count: number, createdAt: Date, slug = "cso"): Promise<number[]> {
  const id = await termId(slug);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await db().termEvent.create({ data: { termId: id, type: "ballot", payload: { i }, createdAt } })).id);
  }
  return ids;
}

async function logIds(): Promise<number[]> {
  return (await db().termEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id);
}

/** Reads SSE frames until `count` frames arrive or the timeout passes, then closes the stream. `slug` may carry a query. */
async function framesOf(headers: Record<string, string>, count: number, slug = "cso", timeoutMs = 3000): Promise<SseFrame[]> {
  const ac = new AbortController();
  const [path, query] = slug.split("?");
  const url = `http://x/api/terms/${path}/events${query ? `?${query}` : ""}`;
  const res = await termEventStream(new Request(url, { headers, signal: ac.signal }), path!);
  const frames = await readFrames(res, count, timeoutMs);
  ac.abort();
  return frames;
}

describeEachEngine("pruning the live event log", ({ database }) => {
  it("deletes the events older than the retention period in batches, keeps the recent ones, records how far", async () => {
    await seed(database().db);
    assert.equal(await prunedThrough(db()), 0, "nothing pruned yet");
    const old = await addEvents(7, OLD);
    const recent = await addEvents(3, new Date(NOW.getTime() - 6 * DAY));
    const r = await pruneTermEvents(db(), { ...RETENTION, batchSize: 3 });
    assert.deepEqual(r, { deleted: 7, batches: 3, throughId: old.at(-1) });
    assert.deepEqual(await logIds(), recent);
    assert.equal(await prunedThrough(db()), old.at(-1));
  });

  it("is idempotent, and never moves the mark back", async () => {
    const before = await logIds();
    const through = await prunedThrough(db());
    assert.deepEqual(await pruneTermEvents(db(), RETENTION), { deleted: 0, batches: 0, throughId: through });
    // An instance whose clock is behind prunes less, if anything: nothing comes back down.
    assert.deepEqual(await pruneTermEvents(db(), { retentionDays: 7, now: new Date(NOW.getTime() - 30 * DAY) }), {
      deleted: 0,
      batches: 0,
      throughId: through,
    });
    assert.deepEqual(await logIds(), before);
  });

  it("deletes only a prefix of the log: it stops at the first recent event, even if older ones follow", async () => {
    await db().termEvent.deleteMany({});
    const [oldA] = await addEvents(1, OLD);
    const [recent] = await addEvents(1, NOW);
    const [oldB] = await addEvents(1, OLD);
    const r = await pruneTermEvents(db(), RETENTION);
    assert.equal(r.deleted, 1);
    assert.equal(r.throughId, oldA);
    assert.deepEqual(await logIds(), [recent, oldB], "every id up to the mark is gone, every id after it is kept");
  });

  it("several instances pruning at once delete each row once and agree on the mark", async () => {
    await db().termEvent.deleteMany({});
    const old = await addEvents(60, OLD);
    const recent = await addEvents(2, NOW);
    // PostgreSQL: four clients, as four instances. SQLite: one client, interleaving in one
    // process (its busy wait is synchronous, so several connections in one process would only
    // block each other; separate processes on one file wait for the lock as usual).
    const own = database().engine === "postgresql" ? [0, 1, 2, 3].map(() => createDb(database().config)) : [];
    const clients = own.length ? own : [db(), db(), db(), db()];
    try {
      const results = await Promise.all(clients.map((c) => pruneTermEvents(c, { ...RETENTION, batchSize: 7 })));
      assert.equal(results.reduce((n, r) => n + r.deleted, 0), 60, "each old row deleted exactly once");
      for (const r of results) assert.equal(r.throughId, old.at(-1));
    } finally {
      await Promise.all(own.map((c) => c.$disconnect()));
    }
    assert.deepEqual(await logIds(), recent);
    assert.equal(await prunedThrough(db()), old.at(-1));
  });

  it("a client resuming from before the mark is told to resync, then gets the new events", async () => {
    await db().termEvent.deleteMany({});
    const old = await addEvents(3, OLD);
    const kept = await addEvents(2, NOW);
    await pruneTermEvents(db(), RETENTION);
    for (const headers of [{ "Last-Event-ID": String(old[0]) }, { "Last-Event-ID": "0" }]) {
      const frames = await framesOf(headers, 2);
      assert.deepEqual(frames.map((f) => f.event), ["ready", "resync"]);
      assert.deepEqual(frames[1]!.data, { reason: "pruned" });
      assert.equal(frames[1]!.id, kept.at(-1), "resumes after the newest event, which the reload shows");
    }
    // ?since= (the page's cursor) is checked the same way, and the stream goes on after the resync.
    const reading = framesOf({}, 3, `cso?since=${old[1]}`, 4000);
    await new Promise((r) => setTimeout(r, 200));
    const [next] = await addEvents(1, new Date());
    const frames = await reading;
    assert.deepEqual(frames.map((f) => [f.event, f.id]), [["ready", undefined], ["resync", kept.at(-1)], ["ballot", next]]);
  });

  it("a client that has the last pruned event, or a later one, resumes without a resync", async () => {
    await db().termEvent.deleteMany({});
    const old = await addEvents(2, OLD);
    const kept = await addEvents(2, NOW);
    await pruneTermEvents(db(), RETENTION);
    assert.equal(await prunedThrough(db()), old.at(-1));
    const fromMark = await framesOf({ "Last-Event-ID": String(old.at(-1)) }, 3);
    assert.deepEqual(fromMark.map((f) => [f.event, f.id]), [["ready", undefined], ["ballot", kept[0]], ["ballot", kept[1]]]);
    const fromKept = await framesOf({ "Last-Event-ID": String(kept[0]) }, 2);
    assert.deepEqual(fromKept.map((f) => [f.event, f.id]), [["ready", undefined], ["ballot", kept[1]]]);
  });

  it("a term idle for longer than the retention: its page's cursor and a fresh stream start at the mark, without a resync", async () => {
    await db().termEvent.deleteMany({});
    await addEvents(2, OLD, "cso");
    const otherOld = await addEvents(2, OLD, "empathy");
    await addEvents(1, NOW, "empathy");
    await pruneTermEvents(db(), RETENTION);
    const mark = await prunedThrough(db());
    assert.equal(mark, otherOld.at(-1));
    assert.equal(await db().termEvent.count({ where: { termId: await termId("cso") } }), 0, "cso has no events left");
    const { cursor } = await loadTermPage("cso");
    assert.equal(cursor, mark);
    const fromCursor = await framesOf({ "Last-Event-ID": String(cursor) }, 2, "cso", 1500);
    assert.deepEqual(fromCursor.map((f) => f.event), ["ready"], "the page's cursor needs no resync");
    const fresh = await framesOf({}, 2, "cso", 1500);
    assert.deepEqual(fresh.map((f) => [f.event, f.data]), [["ready", { lastEventId: mark }]]);
  });
});

import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { seed } from "@/server/seed/seed";
import { termEventStream } from "@/server/live/stream";
import { afterCommit, termEventOps } from "@/server/live/publish";
import { MAX_REPLAY } from "@/lib/live";
import { readFrames } from "@/test/support/sse";
import { db } from "@/server/db/client";
import { listening, subscribe } from "@/server/live/hub";

async function publish(termId: string, type: "ballot" | "comment", payload: Record<string, string | number>) {
  await db().$transaction(termEventOps(db(), termId, type, payload));
}

describeEachEngine("live term events", ({ database }) => {
  it("a connected stream receives each change once, in order, with its type and payload", async () => {
    await seed(database().db);
    const term = await db().term.findUniqueOrThrow({ where: { slug: "cso" } });
    const ac = new AbortController();
    const res = await termEventStream(new Request("http://x/api/terms/cso/events", { signal: ac.signal }), "cso");
    assert.equal(res.headers.get("content-type"), "text/event-stream; charset=utf-8");
    const reading = readFrames(res, 3);
    await new Promise((r) => setTimeout(r, 50));
    await publish(term.id, "ballot", { voters: 1 });
    // PostgreSQL wakes the stream through NOTIFY; SQLite is woken in-process (or by the poll).
    if (database().engine === "sqlite") afterCommit(term.id);
    await publish(term.id, "comment", { renderingId: "r1" });
    const frames = await reading;
    ac.abort();
    assert.deepEqual(frames.map((f) => f.event), ["ready", "ballot", "comment"]);
    assert.deepEqual(frames[1]!.data, { voters: 1 });
    assert.ok(frames[2]!.id! > frames[1]!.id!);
  });

  it("PostgreSQL: a change's NOTIFY wakes this process's streams (no in-process wake-up, no poll)", { timeout: 10_000 }, async (t) => {
    if (database().engine !== "postgresql") return t.skip("SQLite wakes streams in-process");
    const term = await db().term.findUniqueOrThrow({ where: { slug: "cso" } });
    let woken!: () => void;
    const wake = new Promise<void>((resolve) => (woken = resolve));
    const unsubscribe = subscribe(term.id, () => woken());
    await listening();
    // Only the notification can call the waker: nothing here calls afterCommit or wakeLocal.
    await publish(term.id, "comment", { renderingId: "r1" });
    await wake;
    unsubscribe();
  });

  it("a client that reconnects with Last-Event-ID gets what it missed; one far behind is told to resync", async () => {
    const term = await db().term.findUniqueOrThrow({ where: { slug: "cso" } });
    const first = await db().termEvent.findFirstOrThrow({ where: { termId: term.id }, orderBy: { id: "asc" } });
    const ac = new AbortController();
    const res = await termEventStream(
      new Request("http://x/api/terms/cso/events", { headers: { "Last-Event-ID": String(first.id) }, signal: ac.signal }),
      "cso",
    );
    const frames = await readFrames(res, 2);
    ac.abort();
    assert.deepEqual(frames.map((f) => f.event), ["ready", "comment"], "only the event after the given id");

    for (let i = 0; i <= MAX_REPLAY; i++) await db().termEvent.create({ data: { termId: term.id, type: "ballot", payload: { i } } });
    const ac2 = new AbortController();
    const res2 = await termEventStream(
      new Request("http://x/api/terms/cso/events", { headers: { "Last-Event-ID": String(first.id) }, signal: ac2.signal }),
      "cso",
    );
    const frames2 = await readFrames(res2, 2);
    ac2.abort();
    assert.deepEqual(frames2.map((f) => f.event), ["ready", "resync"]);
  });

  it("an unknown term is not found", async () => {
    await assert.rejects(termEventStream(new Request("http://x/"), "nope"), /not found/);
  });
});

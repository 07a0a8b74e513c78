import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { seed } from "@/server/seed/seed";
import { db } from "@/server/db/client";
import { termEventStream } from "@/server/live/stream";
import { feedStats } from "@/server/live/feed";
import { afterCommit, termEventOps } from "@/server/live/publish";
import { takeSseFrames, type SseFrame } from "@/lib/live";

/** An open stream that collects its frames until closed. */
function open(slug: string, headers: Record<string, string> = {}) {
  const ac = new AbortController();
  const frames: SseFrame[] = [];
  const done = (async () => {
    const res = await termEventStream(new Request(`http://x/api/terms/${slug}/events`, { headers, signal: ac.signal }), slug);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      const taken = takeSseFrames(buffer);
      buffer = taken.rest;
      frames.push(...taken.frames);
    }
  })();
  return { frames, close: async () => (ac.abort(), await done.catch(() => {})) };
}

async function publish(termId: string, i: number) {
  await db().$transaction(termEventOps(db(), termId, "comment", { i }));
  afterCommit(termId);
}

async function until(what: string | (() => string), ok: () => boolean, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${typeof what === "string" ? what : what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ids = (frames: SseFrame[]) => frames.filter((f) => f.event === "comment").map((f) => f.id!);

describeEachEngine("one feed per term: open streams share one reader", ({ database }) => {
  it("60 streams get every event once, in order, while the log is read far fewer times than once per stream", async () => {
    await seed(database().db);
    const term = await db().term.findUniqueOrThrow({ where: { slug: "cso" }, select: { id: true } });
    const streams = Array.from({ length: 60 }, () => open("cso"));
    await until("every stream ready", () => streams.every((s) => s.frames.some((f) => f.event === "ready")));
    assert.deepEqual(feedStats(term.id).listeners, 60);
    const readsBefore = feedStats(term.id).reads;
    for (let i = 0; i < 5; i++) await publish(term.id, i);
    await until("five events on every stream", () => streams.every((s) => ids(s.frames).length === 5));
    const reads = feedStats(term.id).reads - readsBefore;
    // One read per wake (five changes, plus the odd poll), not one per stream and wake (300).
    assert.ok(reads <= 12, `the feed read the log ${reads} times for 5 events and 60 streams`);
    const first = ids(streams[0]!.frames);
    for (const s of streams) assert.deepEqual(ids(s.frames), first, "the same events in the same order everywhere");
    assert.deepEqual([...first].sort((a, b) => a - b), first);
    await Promise.all(streams.map((s) => s.close()));
    await until("the feed stops with its last stream", () => feedStats(term.id).listeners === 0 && feedStats(term.id).reads === 0);
  });

  it("streams that open and resume while events are written miss none and get none twice", async () => {
    const term = await db().term.findUniqueOrThrow({ where: { slug: "cso" }, select: { id: true } });
    const start = (await db().termEvent.findFirstOrThrow({ where: { termId: term.id }, orderBy: { id: "desc" } })).id;
    const opened: { s: ReturnType<typeof open>; from: number }[] = [];
    const writer = (async () => {
      for (let i = 0; i < 30; i++) {
        await publish(term.id, 100 + i);
        if (i % 3 === 0) await new Promise((r) => setTimeout(r, 5));
      }
    })();
    // Resuming streams join at every point of the burst, each from the start.
    for (let k = 0; k < 12; k++) {
      opened.push({ s: open("cso", { "Last-Event-ID": String(start) }), from: start });
      await new Promise((r) => setTimeout(r, 7));
    }
    await writer;
    const all = (await db().termEvent.findMany({ where: { termId: term.id, id: { gt: start } }, orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id);
    assert.equal(all.length, 30);
    await until("every resumed stream has all 30", () => opened.every(({ s }) => ids(s.frames).length >= 30));
    await new Promise((r) => setTimeout(r, 200));
    for (const { s } of opened) assert.deepEqual(ids(s.frames), all);
    await Promise.all(opened.map(({ s }) => s.close()));
  });

  it("a burst of events reaches each stream as a few joined writes, every event once and in order", async () => {
    const term = await db().term.findUniqueOrThrow({ where: { slug: "cso" }, select: { id: true } });
    // Chunks as the stream writes them (each read of the body is one write of the feed here).
    const chunks: string[] = [];
    const ac = new AbortController();
    const res = await termEventStream(new Request("http://x/api/terms/cso/events", { signal: ac.signal }), "cso");
    const reader = res.body!.getReader();
    const reading = (async () => {
      for (;;) {
        const c = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        if (c.done) break;
        chunks.push(new TextDecoder().decode(c.value));
      }
    })();
    await until("the stream is ready", () => chunks.some((c) => c.includes("event: ready")));
    const before = chunks.length;
    // 40 changes as fast as they commit, each waking the feed.
    for (let i = 0; i < 40; i++) await publish(term.id, 1000 + i);
    const received = () => ids(takeSseFrames(chunks.slice(before).join("")).frames);
    await until(() => `40 events (${received().length})`, () => received().length === 40);
    const got = takeSseFrames(chunks.slice(before).join("")).frames.filter((f) => f.event === "comment").map((f) => (f.data as { i: number }).i);
    assert.deepEqual(got, Array.from({ length: 40 }, (_, i) => 1000 + i));
    const writes = chunks.length - before;
    assert.ok(writes < 40, `40 events took ${writes} writes: the feed did not join them`);
    ac.abort();
    await reading;
  });

  it("a stream whose client stops reading is let go instead of queueing without limit", async () => {
    const term = await db().term.findUniqueOrThrow({ where: { slug: "cso" }, select: { id: true } });
    const ac = new AbortController();
    const res = await termEventStream(new Request("http://x/api/terms/cso/events", { signal: ac.signal }), "cso");
    // The client reads the first frame (the stream has started), then nothing more. Events of
    // ~8 KiB each: past 1 MiB queued, the stream is closed.
    const first = await res.body!.getReader().read();
    assert.match(new TextDecoder().decode(first.value), /event: ready/);
    const big = "x".repeat(8000);
    for (let i = 0; i < 300; i++) await db().termEvent.create({ data: { termId: term.id, type: "comment", payload: { big, i } } });
    afterCommit(term.id);
    await until(() => `the slow stream is dropped (${JSON.stringify(feedStats(term.id))})`, () => feedStats(term.id).listeners === 0);
    ac.abort();
    void res;
  });
});

import "server-only";
import { processWide } from "@/server/process-wide";
import { db } from "@/server/db/client";
import { HEARTBEAT_MS, POLL_MS, sseFrame } from "@/lib/live";
import { subscribe } from "@/server/live/hub";
import { prunedThrough } from "@/server/live/prune";

/**
 * One reader of a term's event log per process, however many streams are open on the term: a
 * wake-up (NOTIFY, an in-process change, or the poll) costs one query, and each event is encoded
 * once and handed to every stream as the same bytes. A stream joins the feed first and then reads
 * its own backlog once (server/live/stream.ts); events the feed hands it meanwhile wait in its
 * buffer, so none is lost between the two and none is sent twice (ids only go up).
 *
 * What an event costs the server is its writes: one per open stream. So the feed reads at most
 * once per COALESCE_MS, and the events of one read go to each stream as one write (their frames
 * joined), handed out BROADCAST_SLICE streams at a time with the event loop free in between:
 * 300 streams while scholars save 50 times a second cost ~3,000 writes a second, not 15,000, and
 * no request waits behind a whole broadcast. An event reaches its streams at most about
 * COALESCE_MS after its commit wakes the feed.
 */
export type Listener = {
  /** The id of the last event this stream has sent (or skipped as already known). */
  lastId: number;
  /** Frames that arrived while the stream read its backlog, sent once it has. */
  buffer: { id: number; bytes: Uint8Array }[] | null;
  send(bytes: Uint8Array): void;
};

type Feed = {
  termId: string;
  cursor: number;
  /** Queries of the log so far (the test of "one reader per term" counts them). */
  reads: number;
  listeners: Set<Listener>;
  /** Resolves once the feed knows where the log ends: a joining stream reads its backlog after. */
  ready: Promise<void>;
  wake: (() => void) | null;
  /** A wake-up came while the feed was reading or writing: it reads again without waiting for the poll. */
  woken: boolean;
  stop: () => void;
};

/** Events read per query: a burst larger than this is read in several queries back to back. */
const BATCH = 500;
/** A feed that could not read for this long checks whether it slept through a prune. */
const STALL_MS = 60_000;
/** The feed reads the log at most once per this many ms however often it is woken. */
export const COALESCE_MS = 100;
/** Streams written to between two turns of the event loop during a broadcast. */
const BROADCAST_SLICE = 64;
/** A stream whose client reads slower than this much queued text is closed (it reconnects and resumes). */
export const MAX_QUEUED_BYTES = 1 << 20;

const encoder = new TextEncoder();
const feeds = processWide("live.feeds", () => new Map<string, Feed>());

export function encodeFrame(frame: Parameters<typeof sseFrame>[0] | string): Uint8Array {
  return encoder.encode(typeof frame === "string" ? frame : sseFrame(frame));
}

/** Streams open on a term in this process, and feeds running (for tests and the bench). */
export function feedStats(termId: string): { feeds: number; listeners: number; reads: number } {
  const feed = feeds.get(termId);
  return { feeds: feeds.size, listeners: feed?.listeners.size ?? 0, reads: feed?.reads ?? 0 };
}

/**
 * Adds a stream to the term's feed (starting the feed if it is the first) and resolves once the
 * feed knows where the log ends, so the stream's own backlog read covers everything before that.
 * The returned function removes it; the feed stops with its last stream.
 */
export async function joinFeed(termId: string, listener: Listener): Promise<() => void> {
  let feed = feeds.get(termId);
  if (!feed) feeds.set(termId, (feed = startFeed(termId)));
  feed.listeners.add(listener);
  const joined = feed;
  const leave = () => {
    joined.listeners.delete(listener);
    if (joined.listeners.size === 0 && feeds.get(termId) === joined) {
      feeds.delete(termId);
      joined.stop();
    }
  };
  try {
    await joined.ready;
  } catch (e) {
    leave();
    throw e;
  }
  return leave;
}

/** Sends what the stream buffered while it read its backlog, newer than what it sent, and goes live. */
export function goLive(listener: Listener) {
  const buffered = listener.buffer ?? [];
  listener.buffer = null;
  for (const f of buffered) deliver(listener, f.id, f.bytes);
}

function deliver(listener: Listener, id: number, bytes: Uint8Array) {
  if (listener.buffer) listener.buffer.push({ id, bytes });
  else if (id > listener.lastId) {
    listener.lastId = id;
    listener.send(bytes);
  }
}

type Frame = { id: number; bytes: Uint8Array };

/**
 * Hands the frames (ids ascending) to every stream of the feed: to a stream that has sent none
 * of them, all of them as one write; to one reading its backlog or that already sent some (it
 * resumed past them), one by one, so none is sent twice. A slice of streams at a time.
 */
async function broadcast(feed: Feed, frames: readonly Frame[]) {
  if (frames.length === 0) return;
  const first = frames[0]!.id;
  const last = frames.at(-1)!.id;
  const joined = frames.length === 1 ? frames[0]!.bytes : concat(frames.map((f) => f.bytes));
  const listeners = [...feed.listeners];
  for (let i = 0; i < listeners.length; i += BROADCAST_SLICE) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const listener of listeners.slice(i, i + BROADCAST_SLICE)) {
      // Left meanwhile (a slow client let go, a closed page): nothing to send.
      if (!feed.listeners.has(listener)) continue;
      if (!listener.buffer && listener.lastId < first) {
        listener.lastId = last;
        listener.send(joined);
      } else for (const f of frames) deliver(listener, f.id, f.bytes);
    }
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function newestId(termId: string): Promise<number> {
  const newest = await db().termEvent.findFirst({ where: { termId }, orderBy: { id: "desc" }, select: { id: true } });
  return Math.max(newest?.id ?? 0, await prunedThrough(db()));
}

function startFeed(termId: string): Feed {
  let stopped = false;
  const feed: Feed = {
    termId,
    cursor: 0,
    reads: 0,
    listeners: new Set(),
    ready: Promise.resolve(),
    wake: null,
    woken: false,
    stop: () => {
      stopped = true;
      unsubscribe();
      feed.wake?.();
    },
  };
  const unsubscribe = subscribe(termId, () => {
    if (feed.wake) feed.wake();
    else feed.woken = true;
  });
  feed.ready = newestId(termId).then((id) => void (feed.cursor = id));
  // Without the log's end the feed cannot start; its streams fail and their clients retry.
  feed.ready.then(loop, () => {
    if (feeds.get(termId) === feed) feeds.delete(termId);
    feed.stop();
  });
  return feed;

  async function loop() {
    let lastRead = Date.now();
    let quietSince = Date.now();
    while (!stopped) {
      let full = false;
      try {
        const readAt = Date.now();
        feed.reads++;
        const events = await db().termEvent.findMany({
          where: { termId, id: { gt: feed.cursor } },
          orderBy: { id: "asc" },
          take: BATCH,
          select: { id: true, type: true, payload: true },
        });
        // A feed that could not read for a long while may have slept through a prune of events
        // it never sent: its streams resync (read after the events, so a prune before them shows).
        if (readAt - lastRead > STALL_MS) {
          const pruned = await prunedThrough(db());
          if (feed.cursor < pruned) {
            feed.cursor = await newestId(termId);
            await broadcast(feed, [{ id: feed.cursor, bytes: encodeFrame({ id: feed.cursor, event: "resync", data: { reason: "pruned" } }) }]);
            events.length = 0;
          }
        }
        lastRead = readAt;
        if (events.length) feed.cursor = events.at(-1)!.id;
        await broadcast(feed, events.map((e) => ({ id: e.id, bytes: encodeFrame({ id: e.id, event: e.type, data: e.payload }) })));
        full = events.length === BATCH;
        if (events.length) quietSince = Date.now();
        else if (Date.now() - quietSince >= HEARTBEAT_MS) {
          const keepAlive = encodeFrame(": keep-alive\n\n");
          for (const listener of feed.listeners) if (!listener.buffer) listener.send(keepAlive);
          quietSince = Date.now();
        }
      } catch (e) {
        console.error("[live] reading events failed:", (e as Error).message);
      }
      if (full || stopped) continue;
      // Until the poll, or a wake-up — but no sooner than COALESCE_MS after this read, so the
      // events of a busy moment are read, joined and written together.
      const readAt = lastRead;
      const soon = () => Math.max(0, readAt + COALESCE_MS - Date.now());
      // Woken while it read or wrote (a commit during a broadcast): that change is read soon,
      // not at the next poll.
      const first = feed.woken ? soon() : POLL_MS;
      feed.woken = false;
      await new Promise<void>((resolve) => {
        let timer = setTimeout(resolve, first);
        feed.wake = () => {
          feed.wake = null;
          clearTimeout(timer);
          if (stopped) return resolve();
          timer = setTimeout(resolve, soon());
        };
      });
      feed.wake = null;
    }
  }
}

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
  stop: () => void;
};

/** Events read per query: a burst larger than this is read in several queries back to back. */
const BATCH = 500;
/** A feed that could not read for this long checks whether it slept through a prune. */
const STALL_MS = 60_000;
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

function broadcast(feed: Feed, id: number, bytes: Uint8Array) {
  for (const listener of feed.listeners) deliver(listener, id, bytes);
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
    stop: () => {
      stopped = true;
      unsubscribe();
      feed.wake?.();
    },
  };
  const unsubscribe = subscribe(termId, () => feed.wake?.());
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
            broadcast(feed, feed.cursor, encodeFrame({ id: feed.cursor, event: "resync", data: { reason: "pruned" } }));
            events.length = 0;
          }
        }
        lastRead = readAt;
        for (const e of events) {
          feed.cursor = e.id;
          broadcast(feed, e.id, encodeFrame({ id: e.id, event: e.type, data: e.payload }));
        }
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
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        feed.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      feed.wake = null;
    }
  }
}

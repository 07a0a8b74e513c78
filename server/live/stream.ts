import "server-only";
import { db } from "@/server/db/client";
import { notFound } from "@/lib/errors";
import { MAX_REPLAY, parseLastEventId } from "@/lib/live";
import { MAX_QUEUED_BYTES, encodeFrame, goLive, joinFeed, type Listener } from "@/server/live/feed";
import { prunedThrough } from "@/server/live/prune";

/**
 * The stream of a term's events. Without Last-Event-ID it starts at the newest event (the page
 * was just rendered from current data). A client that reconnects gets what it missed, in order;
 * one that fell more than MAX_REPLAY events behind, or that still needs an event the log has
 * pruned (server/live/prune.ts), gets a single `resync` and reloads its data. After that the
 * stream follows the term's one feed in this process (server/live/feed.ts): an open stream
 * costs no query of its own.
 */
export async function termEventStream(req: Request, slug: string): Promise<Response> {
  const term = await db().term.findUnique({ where: { slug }, select: { id: true } });
  if (!term) throw notFound("Term");
  const url = new URL(req.url);
  const resumeFrom = parseLastEventId(req.headers.get("last-event-id") ?? url.searchParams.get("since"));

  let leave = () => {};
  let closed = false;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        leave();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const listener: Listener = {
        lastId: 0,
        buffer: [],
        send(bytes) {
          if (closed) return;
          // A client that does not read (or reads far slower than events come) is let go: it
          // reconnects with Last-Event-ID and resumes, instead of the server queueing for it.
          // Counted with what this write would add: the feed joins the frames of a busy moment.
          if ((controller.desiredSize ?? 0) - bytes.length < -MAX_QUEUED_BYTES) return close();
          controller.enqueue(bytes);
        },
      };
      req.signal.addEventListener("abort", close);
      if (req.signal.aborted) return close();
      try {
        leave = await joinFeed(term.id, listener);
        if (closed) return leave();
        await readBacklog(term.id, resumeFrom, listener);
        goLive(listener);
      } catch (e) {
        console.error("[live] opening a stream failed:", (e as Error).message);
        controller.error(e);
        closed = true;
        leave();
      }
    },
    cancel() {
      closed = true;
      leave();
    },
    // Counted in bytes, so desiredSize says how much text waits for a slow client.
  }, new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }));
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}

/**
 * The stream's start, read once after it joined the feed: where the log ends for a fresh stream,
 * or what a resuming client missed (a resync when that is too much or pruned).
 */
async function readBacklog(termId: string, resumeFrom: number | null, listener: Listener) {
  const direct = (frame: Parameters<typeof encodeFrame>[0]) => listener.send(encodeFrame(frame));
  const newest = await db().termEvent.findFirst({ where: { termId }, orderBy: { id: "desc" }, select: { id: true } });
  if (resumeFrom === null) {
    // A fresh stream starts after everything already pruned too (a term idle for longer than
    // the retention period has no events left).
    listener.lastId = Math.max(newest?.id ?? 0, await prunedThrough(db()));
    direct({ retry: 2000, event: "ready", data: { lastEventId: listener.lastId } });
    return;
  }
  direct({ retry: 2000, event: "ready", data: { lastEventId: resumeFrom } });
  const events = await db().termEvent.findMany({
    where: { termId, id: { gt: resumeFrom } },
    orderBy: { id: "asc" },
    take: MAX_REPLAY + 1,
    select: { id: true, type: true, payload: true },
  });
  // Read after the events: a prune that committed before them is seen here.
  const pruned = await prunedThrough(db());
  const newestNow = Math.max(newest?.id ?? 0, events.at(-1)?.id ?? 0);
  if (resumeFrom < pruned || events.length > MAX_REPLAY) {
    listener.lastId = Math.max(pruned, newestNow);
    direct({ id: listener.lastId, event: "resync", data: { reason: resumeFrom < pruned ? "pruned" : "behind" } });
    return;
  }
  listener.lastId = resumeFrom;
  for (const e of events) {
    listener.lastId = e.id;
    direct({ id: e.id, event: e.type, data: e.payload });
  }
}

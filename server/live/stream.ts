import "server-only";
import { db } from "@/server/db/client";
import { notFound } from "@/lib/errors";
import { HEARTBEAT_MS, MAX_REPLAY, POLL_MS, parseLastEventId, sseFrame } from "@/lib/live";
import { subscribe } from "@/server/live/hub";
import { prunedThrough } from "@/server/live/prune";

/** A stream that has not read the log for this long checks again whether it missed a prune. */
const STALL_MS = 60_000;

/**
 * The stream of a term's events. Without Last-Event-ID it starts at the newest event (the page
 * was just rendered from current data). A client that reconnects gets what it missed, in order;
 * one that fell more than MAX_REPLAY events behind, or that still needs an event the log has
 * pruned (server/live/prune.ts), gets a single `resync` and reloads its data.
 */
export async function termEventStream(req: Request, slug: string): Promise<Response> {
  const term = await db().term.findUnique({ where: { slug }, select: { id: true } });
  if (!term) throw notFound("Term");
  const url = new URL(req.url);
  const resumeFrom = parseLastEventId(req.headers.get("last-event-id") ?? url.searchParams.get("since"));
  const newest = await db().termEvent.findFirst({ where: { termId: term.id }, orderBy: { id: "desc" }, select: { id: true } });
  // A fresh stream starts after everything already pruned too (a term idle for longer than the
  // retention period has no events left).
  let lastId = resumeFrom ?? Math.max(newest?.id ?? 0, await prunedThrough(db()));

  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let wake: (() => void) | null = null;
      const send = (s: string) => {
        if (!closed) controller.enqueue(encoder.encode(s));
      };
      const unsubscribe = subscribe(term.id, () => wake?.());
      stop = () => {
        closed = true;
        unsubscribe();
        wake?.();
      };
      req.signal.addEventListener("abort", stop);
      send(sseFrame({ retry: 2000, event: "ready", data: { lastEventId: lastId } }));
      if (resumeFrom !== null && newest && newest.id - resumeFrom > MAX_REPLAY) {
        lastId = newest.id;
        send(sseFrame({ id: lastId, event: "resync", data: { reason: "behind" } }));
      }
      let idleSince = Date.now();
      // Whether events after lastId may have been pruned unsent: a resuming client may be far
      // behind; a stream that could not read for a while may have slept through a prune.
      let checkPruned = resumeFrom !== null;
      let lastRead = Date.now();
      while (!closed) {
        try {
          const readAt = Date.now();
          if (readAt - lastRead > STALL_MS) checkPruned = true;
          const events = await db().termEvent.findMany({
            where: { termId: term.id, id: { gt: lastId } },
            orderBy: { id: "asc" },
            take: MAX_REPLAY + 1,
          });
          // Read after the events: a prune that committed before them is seen here.
          const pruned = checkPruned ? await prunedThrough(db()) : 0;
          lastRead = readAt;
          checkPruned = false;
          if (lastId < pruned) {
            const newestNow = await db().termEvent.findFirst({ where: { termId: term.id }, orderBy: { id: "desc" }, select: { id: true } });
            lastId = Math.max(pruned, newestNow?.id ?? 0);
            send(sseFrame({ id: lastId, event: "resync", data: { reason: "pruned" } }));
          } else if (events.length > MAX_REPLAY) {
            lastId = events[events.length - 1]!.id;
            send(sseFrame({ id: lastId, event: "resync", data: { reason: "behind" } }));
          } else {
            for (const e of events) {
              lastId = e.id;
              send(sseFrame({ id: e.id, event: e.type, data: e.payload }));
            }
          }
          if (events.length) idleSince = Date.now();
          else if (Date.now() - idleSince >= HEARTBEAT_MS) {
            send(": keep-alive\n\n");
            idleSince = Date.now();
          }
        } catch (e) {
          console.error("[live] reading events failed:", (e as Error).message);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, POLL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
      try {
        controller.close();
      } catch {
        // already closed by the client
      }
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}

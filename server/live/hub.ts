import "server-only";
import { processWide } from "@/server/process-wide";
import pg from "pg";
import { configOf, db } from "@/server/db/client";

/**
 * Wakes the open event streams of a term. Streams always read what to send from the database
 * (TermEvent rows), so a wake-up is only a hint: a missed one costs at most one poll interval.
 * PostgreSQL: one LISTEN connection per instance receives every instance's NOTIFY, on the
 * database of the process-wide client (a NOTIFY reaches only listeners of its own database).
 */
type Waker = () => void;
type Hub = { streams: Map<string, Set<Waker>>; listening: string | null; client: pg.Client | null; ready: Promise<void> };
const hub = processWide<Hub>("live.hub", () => ({ streams: new Map(), listening: null, client: null, ready: Promise.resolve() }));

export function subscribe(termId: string, wake: Waker): () => void {
  let set = hub.streams.get(termId);
  if (!set) hub.streams.set(termId, (set = new Set<Waker>()));
  set.add(wake);
  void listenOnce();
  return () => {
    set.delete(wake);
    if (set.size === 0) hub.streams.delete(termId);
  };
}

export function wakeLocal(termId: string) {
  for (const wake of hub.streams.get(termId) ?? []) wake();
}

function listenOnce(): Promise<void> {
  const config = configOf(db());
  if (config.provider !== "postgresql" || hub.listening === config.url) return hub.ready;
  // Another database than the one listened to (tests install one per suite): listen to this one.
  void stopListening();
  hub.listening = config.url;
  const client = (hub.client = new pg.Client({ connectionString: config.url }));
  const retry = () => {
    if (hub.client !== client) return;
    void stopListening();
    // Streams keep polling meanwhile; try to listen again shortly.
    setTimeout(() => void listenOnce(), 2000).unref();
  };
  client.on("error", retry);
  client.on("notification", (n) => {
    if (n.payload) wakeLocal(n.payload);
  });
  hub.ready = (async () => {
    try {
      const { NOTIFY_CHANNEL } = await import("@/server/live/publish");
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (e) {
      console.error("[live] LISTEN failed; streams fall back to polling:", (e as Error).message);
      retry();
    }
  })();
  return hub.ready;
}

/** Resolves once this process listens for NOTIFY (PostgreSQL; at once on SQLite). */
export function listening(): Promise<void> {
  return listenOnce();
}

/** Closes the LISTEN connection (before its database goes away: tests). */
export async function stopListening(): Promise<void> {
  const client = hub.client;
  hub.client = null;
  hub.listening = null;
  hub.ready = Promise.resolve();
  if (!client) return;
  client.removeAllListeners();
  client.on("error", () => {});
  await client.end().catch(() => {});
}

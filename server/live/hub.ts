import "server-only";
import pg from "pg";
import { databaseConfig } from "@/lib/env";

/**
 * Wakes the open event streams of a term. Streams always read what to send from the database
 * (TermEvent rows), so a wake-up is only a hint: a missed one costs at most one poll interval.
 * PostgreSQL: one LISTEN connection per instance receives every instance's NOTIFY.
 */
type Waker = () => void;
const globalHub = globalThis as unknown as { gongshangHub?: { streams: Map<string, Set<Waker>>; listening: boolean } };
const hub = (globalHub.gongshangHub ??= { streams: new Map(), listening: false });

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

async function listenOnce() {
  const config = databaseConfig();
  if (hub.listening || config.provider !== "postgresql") return;
  hub.listening = true;
  const { NOTIFY_CHANNEL } = await import("@/server/live/publish");
  const client = new pg.Client({ connectionString: config.url });
  const retry = () => {
    hub.listening = false;
    client.removeAllListeners();
    client.end().catch(() => {});
    // Streams keep polling meanwhile; try to listen again shortly.
    setTimeout(() => void listenOnce(), 2000).unref();
  };
  client.on("error", retry);
  client.on("notification", (n) => {
    if (n.payload) wakeLocal(n.payload);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
  } catch (e) {
    console.error("[live] LISTEN failed; streams fall back to polling:", (e as Error).message);
    retry();
  }
}

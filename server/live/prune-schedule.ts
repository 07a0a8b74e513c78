import "server-only";
import { processWide } from "@/server/process-wide";
import { env } from "@/lib/env";
import { db } from "@/server/db/client";
import { pruneTermEvents } from "@/server/live/prune";
import { pruneRateWindows } from "@/server/site/rate-limit";

/** How often a running server prunes the live event log (start-up prunes once too: scripts/prepare-db.ts). */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

const state = processWide("live.pruning", (): { pruning?: { timer: NodeJS.Timeout; running: boolean } } => ({}));

/** Prunes now and then every PRUNE_EVERY_MS, without keeping the process alive. Once per process. */
export function schedulePruning(): void {
  if (state.pruning) return;
  const pruning = { running: false, timer: setInterval(() => void pruneOnce(), PRUNE_EVERY_MS) };
  pruning.timer.unref();
  state.pruning = pruning;

  async function pruneOnce() {
    if (pruning.running) return;
    pruning.running = true;
    try {
      const r = await pruneTermEvents(db(), { retentionDays: env().LIVE_EVENT_RETENTION_DAYS });
      if (r.deleted) console.log(`[live] pruned ${r.deleted} events (through id ${r.throughId})`);
      // Rate-limit counters of windows that are over: a stranger spraying addresses cannot grow the table for long.
      await pruneRateWindows();
    } catch (e) {
      // Next time, then; pruning late only keeps rows longer.
      console.error("[live] pruning events failed:", (e as Error).message);
    } finally {
      pruning.running = false;
    }
  }
}

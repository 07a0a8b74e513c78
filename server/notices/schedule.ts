import "server-only";
import { processWide } from "@/server/process-wide";
import { deliverDueMails, mailEnabled, pruneSentMails } from "@/server/notices/outbox";

/**
 * The notices loop of a running server (started by instrumentation.ts, once per process): every
 * NOTICES_EVERY_MS it sends the mails that are due (new ones, and failed ones whose retry time
 * came) and sends the 24-hour deadline reminders. A change that wrote mail nudges it to deliver
 * at once (after its commit). Nothing here keeps the process alive, and outside a server
 * (tests, the CLI) a nudge does nothing: the mails wait in the outbox for a server.
 */
export const NOTICES_EVERY_MS = 30_000;

type LoopState = { timer: NodeJS.Timeout; running: boolean; again: boolean; lastPrune: number };
const state = processWide("notices.loop", (): { loop?: LoopState } => ({}));

export function scheduleNotices(): void {
  if (state.loop) return;
  const loop: LoopState = { running: false, again: false, lastPrune: 0, timer: setInterval(() => void runNotices(true), NOTICES_EVERY_MS) };
  loop.timer.unref();
  state.loop = loop;
  void runNotices(true);
}

/** After a commit that wrote mail: deliver now (or right after the run in progress). */
export function nudgeDelivery(): void {
  if (!state.loop) return;
  setImmediate(() => void runNotices(false));
}

async function runNotices(withReminders: boolean): Promise<void> {
  const loop = state.loop;
  if (!loop) return;
  if (loop.running) {
    loop.again = true;
    return;
  }
  loop.running = true;
  try {
    do {
      loop.again = false;
      if (withReminders) {
        const { remindDeadlines } = await import("@/server/notices/deadline-reminder");
        const n = await remindDeadlines();
        if (n) console.log(`[notices] deadline reminders for ${n} term(s)`);
        withReminders = false;
      }
      if (mailEnabled()) {
        const r = await deliverDueMails();
        if (r.failed) console.error(`[notices] ${r.failed} mail(s) failed; they are retried later (${r.sent} sent)`);
        if (Date.now() - loop.lastPrune > 60 * 60_000) {
          loop.lastPrune = Date.now();
          await pruneSentMails();
        }
      }
    } while (loop.again);
  } catch (e) {
    console.error("[notices] run failed:", (e as Error).message);
  } finally {
    loop.running = false;
  }
}

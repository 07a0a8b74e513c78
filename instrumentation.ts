/**
 * Next calls register() once when a server instance starts. Only the Node.js runtime talks to
 * the database; the literal NEXT_RUNTIME test lets Next leave the import out of other runtimes.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Every request carries the address it came from (per-client sign-in limits).
    const { stampPeers } = await import("@/server/http/peer-stamp");
    stampPeers();
    const { schedulePruning } = await import("@/server/live/prune-schedule");
    schedulePruning();
    // Says at start-up where sign-in links point when NEXTAUTH_URL is not set.
    const { ensureAuthUrl } = await import("@/server/auth/origin");
    ensureAuthUrl();
    // The CLI's invitation links name the address this server answers on.
    const { recordServerUrl } = await import("@/server/site/url");
    await recordServerUrl().catch((e: unknown) => console.error("[site] could not record the server's address:", (e as Error).message));
    // Mail delivery (the outbox, with retries) and the 24-hour deadline reminders.
    const { scheduleNotices } = await import("@/server/notices/schedule");
    scheduleNotices();
  }
}

import "server-only";
import { processWide } from "@/server/process-wide";
import { env, listeningPort, setAuthUrlDefault } from "@/lib/env";

const said = processWide("auth.urlAnnounced", () => ({ announced: false }));

/**
 * next-auth 4 builds its links (callbacks, the emailed sign-in link) from NEXTAUTH_URL. In
 * production set it to the site's public address (https://… also turns on Secure cookies).
 * Without it, links point to http://localhost:<PORT>, said once in the log. The address is
 * never taken from a request's Host or X-Forwarded-Host: anyone can send those, and an emailed
 * link built from them would carry the member's sign-in token to the sender's host.
 */
export function ensureAuthUrl(): void {
  const e = env();
  if (e.NEXTAUTH_URL) return;
  const url = `http://localhost:${listeningPort()}`;
  setAuthUrlDefault(url);
  if (!said.announced) {
    said.announced = true;
    console.warn(`[auth] NEXTAUTH_URL is not set: sign-in links point to ${url}. Set NEXTAUTH_URL to the site's public address.`);
  }
}

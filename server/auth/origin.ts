import "server-only";
import { env, setAuthUrlDefault } from "@/lib/env";

/**
 * next-auth 4 builds its links (callbacks, magic links) from NEXTAUTH_URL. In production set it
 * (https://… also turns on Secure cookies). For the zero-configuration local run, take it from
 * the first request's Host, over plain http unless a proxy says otherwise.
 */
export function ensureAuthUrl(req: Request): void {
  if (env().NEXTAUTH_URL) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!host) return;
  const proto = req.headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  setAuthUrlDefault(`${proto}://${host}`);
}

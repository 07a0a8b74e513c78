import "server-only";
import { env } from "@/lib/env";

/**
 * The public base URL for links this server hands out (invitations): NEXTAUTH_URL when set
 * (production), else the host the request came to, else localhost on PORT (the operator CLI).
 */
export function siteUrl(request?: { host: string | null; proto: string | null }): string {
  const e = env();
  if (e.NEXTAUTH_URL) return e.NEXTAUTH_URL.replace(/\/+$/, "");
  if (request?.host) return `${request.proto === "https" ? "https" : "http"}://${request.host}`;
  return `http://localhost:${e.PORT}`;
}

export function inviteUrl(base: string, token: string): string {
  return `${base}/invite/${token}`;
}

/** The absolute address of a page (`<link rel="canonical">`), from the configured site URL, never a request's Host. */
export function canonicalUrl(pathname: string): string {
  return `${siteUrl()}${pathname}`;
}

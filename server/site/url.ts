import "server-only";
import { currentAuthUrl, env, listeningPort } from "@/lib/env";
import { db } from "@/server/db/client";

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

/**
 * The base URL of links in emails: NEXTAUTH_URL, or the address a server started without it
 * answers on (localhost and its port). Never a request's Host: anyone can send one, and an
 * emailed link built from it would carry its token to the sender's host.
 */
export function mailSiteUrl(): string {
  return (currentAuthUrl() ?? `http://localhost:${listeningPort()}`).replace(/\/+$/, "");
}

/** The Setting row where a running server records the address it answers on, for the CLI. */
const SERVER_URL_KEY = "server.url";

/** Called at start-up: the CLI's links then name the port the server was started on. */
export async function recordServerUrl(): Promise<void> {
  const value = mailSiteUrl();
  await db().setting.upsert({ where: { key: SERVER_URL_KEY }, update: { value }, create: { key: SERVER_URL_KEY, value } });
}

/**
 * The base URL for the operator CLI's links: NEXTAUTH_URL, else the address the last server
 * started on this database recorded, else localhost on PORT.
 */
export async function cliSiteUrl(): Promise<string> {
  const e = env();
  if (e.NEXTAUTH_URL) return e.NEXTAUTH_URL.replace(/\/+$/, "");
  const row = await db().setting.findUnique({ where: { key: SERVER_URL_KEY } });
  if (typeof row?.value === "string" && /^https?:\/\//.test(row.value)) return row.value;
  return `http://localhost:${e.PORT}`;
}

export function inviteUrl(base: string, token: string): string {
  return `${base}/invite/${token}`;
}

/** The absolute address of a page (`<link rel="canonical">`), from the configured site URL, never a request's Host. */
export function canonicalUrl(pathname: string): string {
  return `${siteUrl()}${pathname}`;
}

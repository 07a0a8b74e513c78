/**
 * HTTP helpers for tests and benchmarks of the built app (test/support/app.ts): requests with a
 * token or a session cookie, and the API's one JSON error shape.
 */
import assert from "node:assert/strict";
import { encode } from "next-auth/jwt";
import { TEST_AUTH_SECRET } from "./app";

export type Answer = { status: number; headers: Headers; text: string; json: unknown };

export type Call = {
  method?: string;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or bytes as they are. */
  body?: unknown;
  timeoutMs?: number;
};

export async function call(baseUrl: string, path: string, c: Call = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...c.headers };
  if (c.token !== undefined) headers.authorization = `Bearer ${c.token}`;
  if (c.cookie !== undefined) headers.cookie = c.cookie;
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (typeof c.body === "string") body = c.body;
  else if (c.body instanceof Uint8Array) body = new Uint8Array(c.body);
  else if (c.body !== undefined) {
    body = JSON.stringify(c.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
  }
  const res = await fetch(baseUrl + path, {
    method: c.method ?? (body === undefined ? "GET" : "PUT"),
    headers,
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(c.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A 4xx in the API's error shape: { error: { code, message, fields? } }, served as JSON. */
export function assertJsonError(a: Answer, context: string): void {
  assert.ok(a.status >= 400 && a.status < 500, `${context}: expected a 4xx, got ${a.status}: ${a.text.slice(0, 300)}`);
  assert.match(a.headers.get("content-type") ?? "", /^application\/json/, `${context}: ${a.status} is not JSON: ${a.text.slice(0, 200)}`);
  const error = (a.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  assert.ok(error && typeof error.code === "string" && typeof error.message === "string", `${context}: not the error shape: ${a.text.slice(0, 300)}`);
}

/** The session cookie a signed-in browser would carry (next-auth JWT: uid and session version). */
export async function sessionCookie(userId: string, sessionVersion = 0): Promise<string> {
  const jwt = await encode({ token: { sub: userId, uid: userId, sv: sessionVersion }, secret: TEST_AUTH_SECRET });
  return `next-auth.session-token=${jwt}`;
}

/** Runs `f` over `items` with at most `limit` at a time. */
export async function pool<T, R>(items: readonly T[], limit: number, f: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]!, i);
      }
    }),
  );
  return out;
}

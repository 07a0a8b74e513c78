import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { forbidden, unauthorized } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { loadActor } from "@/server/auth/actor";
import { actorFromApiToken } from "@/server/auth/api-tokens";
import { ensureAuthSecret } from "@/server/auth/secret";
import { SESSION_COOKIES } from "@/lib/reader-route";
import { processWide } from "@/server/process-wide";

async function actorFromSessionToken(token: string | undefined): Promise<Actor | null> {
  if (!token) return null;
  const session = await sessionOf(token);
  if (!session) return null;
  // The account is read on every request: a disabled account or a bumped session version
  // loses its rights at once, whatever the cache below holds.
  return loadActor(session.uid, "session", session.sv);
}

type Session = { uid: string; sv: number; exp: number };
/** Decoded session cookies by their text (and the secret that opened them); oldest out. */
const sessions = processWide("auth.sessions", () => new Map<string, Session & { secret: string }>());
const SESSIONS_KEPT = 10_000;

/**
 * The session a cookie carries. Opening it (key derivation, decryption) costs ~0.2 ms of CPU on
 * every signed-in request, a sizeable part of a member's private read; the same cookie always
 * opens to the same claims, so each is opened once per process and kept until it expires. A
 * cookie is an authenticated ciphertext: only the exact text that opened is ever found here.
 */
async function sessionOf(token: string): Promise<Session | null> {
  const secret = ensureAuthSecret();
  const now = Date.now() / 1000;
  const kept = sessions.get(token);
  if (kept && kept.secret === secret && kept.exp > now) return kept;
  const jwt = await decode({ token, secret }).catch(() => null);
  if (!jwt || typeof jwt.uid !== "string") return null;
  const session = { uid: jwt.uid, sv: typeof jwt.sv === "number" ? jwt.sv : -1, exp: typeof jwt.exp === "number" ? jwt.exp : now + 60 };
  if (session.exp <= now) return null;
  sessions.delete(token);
  sessions.set(token, { ...session, secret });
  if (sessions.size > SESSIONS_KEPT) sessions.delete(sessions.keys().next().value!);
  return session;
}

/** A malformed cookie value (bad percent-encoding) is no session, not a server error. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return "";
  }
}

function cookieFrom(header: string | null, names: readonly string[]): string | undefined {
  if (!header) return undefined;
  const jar = new Map(
    header.split(";").map((part) => {
      const i = part.indexOf("=");
      return [part.slice(0, i).trim(), safeDecode(part.slice(i + 1).trim())] as const;
    }),
  );
  for (const n of names) if (jar.get(n)) return jar.get(n);
  return undefined;
}

/**
 * Who is calling: an `Authorization: Bearer` API token, else the session cookie, else nobody.
 * A bearer token that is wrong, revoked or whose owner is disabled is a 401, never "anonymous".
 */
export async function actorFromRequest(req: Request): Promise<Actor | null> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const actor = m?.[1] ? await actorFromApiToken(m[1]) : null;
    if (!actor) throw unauthorized("The API token is not valid (wrong, revoked, or its account is disabled).");
    return actor;
  }
  return actorFromSessionToken(cookieFrom(req.headers.get("cookie"), SESSION_COOKIES));
}

/**
 * For state-changing requests: as actorFromRequest, and a cookie session must come from a page
 * of this site (Origin, or Sec-Fetch-Site, must match), so another site cannot post in the
 * member's name. Token requests carry no ambient credentials and need no such check.
 */
export async function actorForWrite(req: Request): Promise<Actor | null> {
  const actor = await actorFromRequest(req);
  if (actor?.via === "session" && !sameOrigin(req)) throw forbidden("Cross-site request refused.");
  return actor;
}

export function sameOrigin(req: Request): boolean {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const origin = req.headers.get("origin");
  if (origin && origin !== "null") {
    return URL.canParse(origin) && new URL(origin).host === host;
  }
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  // Neither header (old clients, curl with a copied cookie): refuse; browsers always send one on POST.
  return false;
}

/** For server components and server actions. */
export async function currentActor(): Promise<Actor | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return actorFromSessionToken(value);
  }
  return null;
}

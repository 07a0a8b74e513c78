import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/server/db/client";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { ACTOR_INCLUDE, actorOf } from "@/server/auth/actor";

/** Personal API tokens: `gs_` + 32 random bytes; only the SHA-256 is stored. */
export const TOKEN_PREFIX = "gs_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(userId: string, label = ""): Promise<{ id: string; token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await db().apiToken.create({
    data: { userId, label: label.slice(0, 100), tokenHash: hashToken(token), prefix: token.slice(0, 10) },
  });
  return { id: row.id, token };
}

/** Last-used times are written at most once a minute per token (not on every request). */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function actorFromApiToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  // One query for the token, its owner and the owner's delegation: this runs on every API call.
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: ACTOR_INCLUDE } },
  });
  if (!row || row.revokedAt) return null;
  const actor = actorOf(row.user, "token");
  if (!actor) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return actor;
}

export async function listApiTokens(actor: Actor) {
  return db().apiToken.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes one of the actor's own tokens; another's token is "not found". */
export async function revokeApiToken(actor: Actor, id: string): Promise<void> {
  const { count } = await db().apiToken.updateMany({
    where: { id, userId: actor.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Token");
}

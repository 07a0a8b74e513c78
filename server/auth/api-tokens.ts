import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/server/db/client";
import { storedDate, timestamp } from "@/server/db/sql";
import { execute, queryRows } from "@/server/db/direct";
import { Prisma } from "@/generated/sqlite/client";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { actorOf, userOfRow, type ActorRow } from "@/server/auth/actor";

type TokenRow = ActorRow & { tokenId: string; revokedAt: Date | string | null; lastUsedAt: Date | string | null };

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
  // One raw query for the token, its owner and the owner's delegation: this runs on every API
  // call, and a model query with includes costs several times as much here.
  const query = Prisma.sql`
    SELECT t."id" AS "tokenId", t."revokedAt" AS "revokedAt", t."lastUsedAt" AS "lastUsedAt",
      u."id" AS "id", u."email" AS "email", u."name" AS "name", u."role" AS "role",
      u."delegationId" AS "delegationId", u."locale" AS "locale", u."disabledAt" AS "disabledAt",
      u."sessionVersion" AS "sessionVersion", d."name" AS "delegationName"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" LEFT JOIN "Delegation" d ON d."id" = u."delegationId"
    WHERE t."tokenHash" = ${hashToken(token)}`;
  // Without Prisma's per-query cost (server/db/direct.ts).
  const rows = await queryRows<TokenRow>(query, { prepared: true });
  const row = rows[0];
  if (!row || row.revokedAt !== null) return null;
  const actor = actorOf(userOfRow(row), "token");
  if (!actor) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - storedDate(row.lastUsedAt).getTime() > LAST_USED_RESOLUTION_MS) {
    // Raw and direct, like the read: a model update costs several times as much.
    await execute(Prisma.sql`UPDATE "ApiToken" SET "lastUsedAt" = ${timestamp(now)} WHERE "id" = ${row.tokenId}`);
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

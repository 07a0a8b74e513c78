import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/permissions";
import { queryRows } from "@/server/db/direct";
import { storedDate } from "@/server/db/sql";

/**
 * Loads the actor for a user id. A disabled account, or a session issued before the account's
 * sessionVersion was bumped (demotion, password change), resolves to nobody: rights are lost on
 * the next request, not when the token expires.
 */
export async function loadActor(userId: string, via: Actor["via"], sessionVersion?: number): Promise<Actor | null> {
  // On every signed-in request (a member's private read, each page's header): one prepared
  // statement on the direct driver, not a model query with an include (several times the CPU).
  const rows = await queryRows<ActorRow>(
    Prisma.sql`
      SELECT u."id", u."email", u."name", u."role", u."delegationId", u."locale", u."disabledAt", u."sessionVersion", d."name" AS "delegationName"
      FROM "User" u LEFT JOIN "Delegation" d ON d."id" = u."delegationId"
      WHERE u."id" = ${userId}`,
    { prepared: true },
  );
  const row = rows[0];
  return row ? actorOf(userOfRow(row), via, sessionVersion) : null;
}

/** A user row with its delegation's name, as a direct statement returns it (auth/api-tokens.ts too). */
export type ActorRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  delegationId: string | null;
  locale: string;
  disabledAt: unknown;
  sessionVersion: number | bigint;
  delegationName: string | null;
};

export function userOfRow(row: ActorRow): UserWithDelegation {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: String(row.role) as Actor["role"],
    delegationId: row.delegationId,
    locale: row.locale,
    disabledAt: row.disabledAt === null || row.disabledAt === undefined ? null : storedDate(row.disabledAt),
    sessionVersion: Number(row.sessionVersion),
    delegation: row.delegationName === null ? null : { name: row.delegationName },
  };
}

type UserWithDelegation = {
  id: string;
  email: string;
  name: string;
  role: Actor["role"];
  delegationId: string | null;
  delegation: { name: string } | null;
  locale: string;
  disabledAt: Date | null;
  sessionVersion: number;
};

/** The actor of a loaded user row, or nobody (disabled, or a session of an older version). */
export function actorOf(user: UserWithDelegation, via: Actor["via"], sessionVersion?: number): Actor | null {
  if (user.disabledAt) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    delegationId: user.delegationId,
    delegation: user.delegation?.name ?? null,
    locale: user.locale === "zh" ? "zh" : "en",
    via,
  };
}

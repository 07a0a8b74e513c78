import "server-only";
import { db } from "@/server/db/client";
import type { Actor } from "@/lib/permissions";

/**
 * Loads the actor for a user id. A disabled account, or a session issued before the account's
 * sessionVersion was bumped (demotion, password change), resolves to nobody: rights are lost on
 * the next request, not when the token expires.
 */
export async function loadActor(userId: string, via: Actor["via"], sessionVersion?: number): Promise<Actor | null> {
  const user = await db().user.findUnique({ where: { id: userId }, include: ACTOR_INCLUDE });
  return user ? actorOf(user, via, sessionVersion) : null;
}

const ACTOR_INCLUDE = { delegation: { select: { name: true } } } as const;

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

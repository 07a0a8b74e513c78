import "server-only";
import { db } from "@/server/db/client";
import type { Actor } from "@/lib/permissions";

/**
 * Loads the actor for a user id. A disabled account, or a session issued before the account's
 * sessionVersion was bumped (demotion, password change), resolves to nobody: rights are lost on
 * the next request, not when the token expires.
 */
export async function loadActor(userId: string, via: Actor["via"], sessionVersion?: number): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    include: { delegation: { select: { name: true } } },
  });
  if (!user || user.disabledAt) return null;
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

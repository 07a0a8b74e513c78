import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import type { Db } from "@/server/db/client";

/**
 * Audit entries of membership and site administration (invitations, roles, accounts,
 * settings, delegations), written in the same transaction as the change, with the state
 * before and after. The operator CLI writes them with no actor.
 */
export type Tx = Prisma.TransactionClient;
export type MembershipEntity = "user" | "invite" | "setting" | "delegation";

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export async function recordAdminAction(
  tx: Tx | Db,
  actorId: string | null,
  action: string,
  entityType: MembershipEntity,
  entityId: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await tx.auditEntry.create({
    data: { actorId, action, entityType, entityId, before: toJson(before), after: toJson(after) },
  });
}

import "server-only";
import { AUDIT_ACTOR_KINDS, type AuditActorKind, type AuditEntryView } from "@/lib/schemas/audit";
import { auditSubjects } from "@/server/site/audit-subjects";
import { db, type Db } from "@/server/db/client";
import type { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/permissions";
import { requireRole } from "@/server/auth/guard";

/**
 * The audit log: every facilitator and admin action — on terms and renderings, and on
 * membership and the site (invitations, roles, accounts, settings, delegations) — written in
 * the same transaction as the change it records, with the state before and after. The
 * automatic close of a consultation at its deadline is credited to the system, the operator's
 * command line (`npm run admin`) to the operator: neither has a member id.
 * Only admins read it.
 */

/** An interactive transaction's client. */
export type Tx = Prisma.TransactionClient;

export type AuditEntityType = "term" | "rendering" | "comment" | "decision" | "merge" | "user" | "invite" | "setting" | "delegation";

/** Plain JSON for the before/after columns (dates become ISO strings). */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Who acted when no member did: the operator at the command line, or the system (a deadline passing). */
export const OPERATOR = { kind: "operator" } as const;
export const SYSTEM = { kind: "system" } as const;
/** A member's id, or OPERATOR / SYSTEM. */
export type AuditBy = string | typeof OPERATOR | typeof SYSTEM;

/** The actor columns of an entry (for writes of many entries at once). */
export function auditActor(by: AuditBy): { actorId: string | null; actorKind: string } {
  return typeof by === "string" ? { actorId: by, actorKind: "member" } : { actorId: null, actorKind: by.kind };
}

export async function recordAudit(
  tx: Tx | Db,
  by: AuditBy,
  action: string,
  entityType: AuditEntityType,
  entityId: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await tx.auditEntry.create({
    data: { ...auditActor(by), action, entityType, entityId, before: toJson(before), after: toJson(after) },
  });
}

export type { AuditEntryView };

export const AUDIT_PAGE = 50;

/** Newest first; `before` is the id of the last entry of the previous page. */
export async function listAudit(actor: Actor | null, { before, limit = AUDIT_PAGE }: { before?: number; limit?: number } = {}): Promise<{ entries: AuditEntryView[]; next: number | null }> {
  requireRole(actor, "admin");
  const take = Math.min(Math.max(1, limit), 200);
  const rows = await db().auditEntry.findMany({
    where: before ? { id: { lt: before } } : {},
    orderBy: { id: "desc" },
    take: take + 1,
    include: { actor: { select: { id: true, name: true, role: true, delegation: { select: { name: true, nameZh: true } } } } },
  });
  const page = rows.slice(0, take);
  const subjects = await auditSubjects(page);
  return {
    entries: page.map((e) => ({
      id: e.id,
      at: e.createdAt.toISOString(),
      actorKind: actorKindOf(e.actorKind),
      actor: e.actor,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      term: subjects.get(`${e.entityType}:${e.entityId}`)?.term ?? null,
      subject: subjects.get(`${e.entityType}:${e.entityId}`)?.subject ?? null,
      before: e.before,
      after: e.after,
    })),
    next: rows.length > take ? (page.at(-1)?.id ?? null) : null,
  };
}

const actorKindOf = (kind: string): AuditActorKind => ((AUDIT_ACTOR_KINDS as readonly string[]).includes(kind) ? (kind as AuditActorKind) : "member");

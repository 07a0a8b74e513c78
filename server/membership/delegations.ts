import "server-only";
import { notFound } from "@/lib/errors";
import { refused } from "@/lib/membership/refusal";
import { isUniqueViolation } from "@/server/membership/accounts";
import type { Actor } from "@/lib/permissions";
import { delegationInputSchema } from "@/lib/schemas/site-admin";
import { db } from "@/server/db/client";
import { requireRole } from "@/server/auth/guard";
import { recordAudit } from "@/server/site/audit";

/** The delegations (seeded: China, Canada). Admins add and rename them; nothing deletes one (ballots refer to it). */

export type DelegationView = { id: string; name: string; nameZh: string | null; members: number };

export async function listDelegations(): Promise<DelegationView[]> {
  const rows = await db().delegation.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    include: { _count: { select: { users: true } } },
  });
  return rows.map((d) => ({ id: d.id, name: d.name, nameZh: d.nameZh, members: d._count.users }));
}

async function nameFree(name: string, exceptId?: string) {
  const same = await db().delegation.findUnique({ where: { name } });
  if (same && same.id !== exceptId) throw refused("conflict", "delegation_taken", "name");
}

export async function createDelegation(actor: Actor | null, raw: unknown): Promise<DelegationView> {
  const admin = requireRole(actor, "admin");
  const input = delegationInputSchema.parse(raw);
  await nameFree(input.name);
  return db()
    .$transaction(async (tx) => {
    const last = await tx.delegation.aggregate({ _max: { sortOrder: true } });
    const d = await tx.delegation.create({
      data: { name: input.name, nameZh: input.nameZh || null, sortOrder: (last._max.sortOrder ?? 0) + 1 },
    });
    await recordAudit(tx, admin.id, "delegation.create", "delegation", d.id, null, { name: d.name, nameZh: d.nameZh });
    return { id: d.id, name: d.name, nameZh: d.nameZh, members: 0 };
  })
    .catch((e: unknown) => {
      // Two admins adding the same name at once: the unique index decides.
      if (isUniqueViolation(e)) throw refused("conflict", "delegation_taken", "name");
      throw e;
    });
}

export async function renameDelegation(actor: Actor | null, id: string, raw: unknown): Promise<void> {
  const admin = requireRole(actor, "admin");
  const input = delegationInputSchema.parse(raw);
  const d = await db().delegation.findUnique({ where: { id } });
  if (!d) throw notFound("Delegation");
  await nameFree(input.name, id);
  await db().$transaction(async (tx) => {
    const after = await tx.delegation.update({ where: { id }, data: { name: input.name, nameZh: input.nameZh || null } });
    await recordAudit(tx, admin.id, "delegation.rename", "delegation", id, { name: d.name, nameZh: d.nameZh }, { name: after.name, nameZh: after.nameZh });
    // Results name delegations: every term's results move to a new version (the counts, kept
    // by delegation id, stay as they are).
    if (after.name !== d.name) await tx.term.updateMany({ data: { tallyVersion: { increment: 1 } } });
  });
}

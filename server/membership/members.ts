import "server-only";
import { notFound } from "@/lib/errors";
import { refused } from "@/lib/membership/refusal";
import { hasRole, type Actor, type Role } from "@/lib/permissions";
import { memberStatusSchema, roleChangeSchema } from "@/lib/schemas/site-admin";
import { db } from "@/server/db/client";
import { requireRole } from "@/server/auth/guard";
import { hashPassword } from "@/server/auth/password";
import { OPERATOR, recordAudit } from "@/server/site/audit";
import { TX_OPTIONS, insertAccount, type CreatedAccount } from "@/server/membership/accounts";

/**
 * Members, as admins manage them: roles, disabling. A demotion or a disabling bumps the
 * account's sessionVersion, so its open sessions lose their rights on their next request
 * (server/auth/actor.ts); its API tokens follow the account's current role and state.
 */

export type MemberView = {
  id: string;
  email: string;
  name: string;
  affiliation: string;
  role: Role;
  delegation: string | null;
  disabled: boolean;
  createdAt: string;
};

export async function listMembers(actor: Actor | null): Promise<MemberView[]> {
  requireRole(actor, "admin");
  return listAllMembers();
}

/** Every member, for admins and the operator CLI. */
export async function listAllMembers(): Promise<MemberView[]> {
  const rows = await db().user.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { delegation: true } });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    affiliation: u.affiliation,
    role: u.role,
    delegation: u.delegation?.name ?? null,
    disabled: !!u.disabledAt,
    createdAt: u.createdAt.toISOString(),
  }));
}

/** An admin cannot demote or disable themselves: the site must not lose its last admin by accident. */
function notSelf(admin: Actor, userId: string) {
  if (admin.id === userId) throw refused("forbidden", "own_account");
}

export async function setMemberRole(actor: Actor | null, raw: unknown): Promise<void> {
  const admin = requireRole(actor, "admin");
  const { userId, role } = roleChangeSchema.parse(raw);
  notSelf(admin, userId);
  await applyRole(userId, role, admin.id);
}

export async function setMemberDisabled(actor: Actor | null, raw: unknown): Promise<void> {
  const admin = requireRole(actor, "admin");
  const { userId, disabled } = memberStatusSchema.parse(raw);
  notSelf(admin, userId);
  await applyDisabled(userId, disabled, admin.id);
}

/** The role change itself, after authorization (also the operator CLI's). */
export async function applyRole(userId: string, role: Role, byId: string | null): Promise<{ demoted: boolean }> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("Member");
    if (user.role === role) return { demoted: false };
    const demoted = !hasRole({ role }, user.role);
    await tx.user.update({
      where: { id: userId },
      data: { role, ...(demoted ? { sessionVersion: { increment: 1 } } : {}) },
    });
    await recordAudit(tx, byId ?? OPERATOR, "user.role", "user", userId, { role: user.role }, { role });
    return { demoted };
  });
}

/** Disabling ends every session at once; enabling lets the person sign in again. */
export async function applyDisabled(userId: string, disabled: boolean, byId: string | null): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("Member");
    if (!!user.disabledAt === disabled) return;
    const disabledAt = disabled ? new Date() : null;
    await tx.user.update({
      where: { id: userId },
      data: { disabledAt, ...(disabled ? { sessionVersion: { increment: 1 } } : {}) },
    });
    await recordAudit(tx, byId ?? OPERATOR, disabled ? "user.disable" : "user.enable", "user", userId, { disabledAt: user.disabledAt }, { disabledAt });
  });
}

/** The operator CLI's set-password (a forgotten password): ends every session of the account. */
export async function applyPassword(userId: string, password: string, byId: string | null): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, byId ?? OPERATOR, "user.password", "user", userId, null, { passwordSet: true });
  });
}

/** The operator CLI's create-user: no invitation; the operator names the delegation and role. */
export async function createMember(
  input: { email: string; name: string; affiliation?: string; locale?: "en" | "zh"; password: string | null },
  placement: { delegationId: string; role: Role },
  byId: string | null,
): Promise<CreatedAccount> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db().$transaction(async (tx) => {
    const user = await insertAccount(
      tx,
      { email: input.email, name: input.name, affiliation: input.affiliation ?? "", locale: input.locale ?? "en", passwordHash },
      placement,
    );
    await recordAudit(tx, byId ?? OPERATOR, "user.create", "user", user.id, null, { email: user.email, role: user.role, delegationId: user.delegationId });
    return user;
  }, TX_OPTIONS);
}

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { invalid, notFound } from "@/lib/errors";
import { refused } from "@/lib/membership/refusal";
import { canInvite, type Actor, type Role } from "@/lib/permissions";
import { newAccountSchema } from "@/lib/schemas/account";
import { INVITE_ERRORS, inviteInputSchema, inviteState, type InviteInput, type InviteState, type InviteView } from "@/lib/schemas/invite";
import { db } from "@/server/db/client";
import { requireRole } from "@/server/auth/guard";
import { hashPassword } from "@/server/auth/password";
import { recordAudit } from "@/server/site/audit";
import { TX_OPTIONS, insertAccount, type CreatedAccount } from "@/server/membership/accounts";
import { requireWithinLimit } from "@/server/site/rate-limit";

/**
 * Invitation links. The secret (32 random bytes, base64url) is in the link only; the database
 * keeps its SHA-256, so a leaked database does not leak usable links. Facilitators invite
 * scholars; only admins invite facilitators and admins (lib/permissions canInvite).
 */

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const DAY_MS = 24 * 60 * 60 * 1000;

export type CreatedInvite = { token: string; invite: InviteView };

/** Why a link cannot be used (the messages are in lib/i18n/messages/account.ts, both languages). */
function refusal(state: Exclude<InviteState, "valid"> | "unknown") {
  return refused(state === "unknown" ? "not_found" : "conflict", `invite_${state}`);
}

function authorizeInvite(actor: Actor | null, role: Role): Actor {
  const me = requireRole(actor, "facilitator");
  if (!canInvite(me, role)) throw refused("forbidden", "invite_role_admin_only");
  return me;
}

export async function createInvite(actor: Actor | null, raw: unknown): Promise<CreatedInvite> {
  // The role decides who may invite, so read it before the full validation.
  const me = requireRole(actor, "facilitator");
  const input = inviteInputSchema.parse(raw);
  authorizeInvite(me, input.role);
  await requireWithinLimit("invitation", me.id);
  return issueInvite(input, me.id);
}

/** The invitation itself, after authorization (also the operator CLI's, which holds every right). */
export async function issueInvite(input: InviteInput, byId: string | null, now = new Date()): Promise<CreatedInvite> {
  const delegation = await db().delegation.findUnique({ where: { id: input.delegationId } });
  if (!delegation) throw invalid("The request is not valid.", { delegationId: [INVITE_ERRORS.delegationRequired] });
  const token = randomBytes(32).toString("base64url");
  const row = await db().$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: {
        tokenHash: hashInviteToken(token),
        delegationId: delegation.id,
        role: input.role,
        maxUses: input.maxUses,
        expiresAt: new Date(now.getTime() + input.days * DAY_MS),
        createdById: byId,
      },
      include: { delegation: true, createdBy: { select: { name: true } } },
    });
    await recordAudit(tx, byId, "invite.create", "invite", created.id, null, {
      delegation: delegation.name,
      role: created.role,
      maxUses: created.maxUses,
      expiresAt: created.expiresAt,
    });
    return created;
  });
  return { token, invite: toView(row, now) };
}

type InviteRow = {
  id: string;
  role: Role;
  uses: number;
  maxUses: number;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
  delegation: { name: string };
  createdBy: { name: string } | null;
};

function toView(row: InviteRow, now: Date): InviteView {
  return {
    id: row.id,
    delegation: row.delegation.name,
    role: row.role,
    uses: row.uses,
    maxUses: row.maxUses,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy?.name ?? null,
    state: inviteState(row, now),
  };
}

export async function listInvites(actor: Actor | null, now = new Date()): Promise<InviteView[]> {
  requireRole(actor, "facilitator");
  const rows = await db().invite.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { delegation: true, createdBy: { select: { name: true } } },
  });
  return rows.map((r) => toView(r, now));
}

/** Withdraws a link; a facilitator may withdraw the links they may create (scholars'). */
export async function revokeInvite(actor: Actor | null, id: string): Promise<void> {
  const me = requireRole(actor, "facilitator");
  const invite = await db().invite.findUnique({ where: { id } });
  if (!invite) throw notFound("Invitation");
  authorizeInvite(me, invite.role);
  if (invite.revokedAt) return;
  await db().$transaction(async (tx) => {
    const revokedAt = new Date();
    await tx.invite.update({ where: { id }, data: { revokedAt } });
    await recordAudit(tx, me.id, "invite.revoke", "invite", id, { revokedAt: null }, { revokedAt });
  });
}

export type InviteLanding =
  | { state: "unknown" }
  | { state: InviteState; delegation: { name: string; nameZh: string | null }; role: Role; expiresAt: string };

/** What the invitation page shows before anyone types anything (public: the link is the credential). */
export async function inspectInvite(token: string, now = new Date()): Promise<InviteLanding> {
  const invite = await db().invite.findUnique({ where: { tokenHash: hashInviteToken(token) }, include: { delegation: true } });
  if (!invite) return { state: "unknown" };
  return {
    state: inviteState(invite, now),
    delegation: { name: invite.delegation.name, nameZh: invite.delegation.nameZh },
    role: invite.role,
    expiresAt: invite.expiresAt.toISOString(),
  };
}

/**
 * Creates an account from an invitation. In one transaction: re-check the link, claim one use
 * with a conditional update (only one of two simultaneous claims on the last use matches),
 * create the user in the invitation's delegation and role. Any failure undoes the claim.
 */
export async function acceptInvite(token: string, raw: unknown, now = new Date()): Promise<CreatedAccount> {
  const account = newAccountSchema.parse(raw);
  const { password, ...profile } = account;
  // Hash outside the transaction: it is the slow part, and must not hold the write lock.
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash: hashInviteToken(token) } });
    if (!invite) throw refusal("unknown");
    const state = inviteState(invite, now);
    if (state !== "valid") throw refusal(state);
    const claim = await tx.invite.updateMany({
      where: { id: invite.id, revokedAt: null, expiresAt: { gt: now }, uses: { lt: invite.maxUses } },
      data: { uses: { increment: 1 } },
    });
    if (claim.count !== 1) throw refusal("used_up");
    const user = await insertAccount(tx, { ...profile, passwordHash }, { delegationId: invite.delegationId, role: invite.role });
    await recordAudit(tx, user.id, "invite.accept", "invite", invite.id, { uses: invite.uses }, { uses: invite.uses + 1, userId: user.id, email: user.email });
    return user;
  }, TX_OPTIONS);
}

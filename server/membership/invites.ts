import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { format, MESSAGES } from "@/lib/i18n";
import { refused } from "@/lib/membership/refusal";
import { INVITE_ADDRESSES_MAX, parseInviteAddresses } from "@/lib/membership/invite-addresses";
import { canInvite, hasRole, type Actor, type Role } from "@/lib/permissions";
import { newAccountSchema } from "@/lib/schemas/account";
import {
  emailInviteSchema,
  inviteInputSchema,
  inviteState,
  type InviteInput,
  type InviteState,
  type InviteView,
} from "@/lib/schemas/invite";
import { db } from "@/server/db/client";
import { requireActor, requireRole } from "@/server/auth/guard";
import { getSiteSettings } from "@/server/site/settings";
import { enqueueMails, mailEnabled } from "@/server/notices/outbox";
import { nudgeDelivery } from "@/server/notices/schedule";
import { inviteUrl, mailSiteUrl } from "@/server/site/url";
import { hashPassword } from "@/server/auth/password";
import { OPERATOR, recordAudit } from "@/server/site/audit";
import { TX_OPTIONS, insertAccount, type CreatedAccount } from "@/server/membership/accounts";
import { requireWithinLimit } from "@/server/site/rate-limit";

/**
 * Invitation links. The secret (32 random bytes, base64url) is in the link only; the database
 * keeps its SHA-256, so a leaked database does not leak usable links. Facilitators invite
 * scholars; only admins invite facilitators and admins (lib/permissions canInvite); scholars
 * invite scholars of their own delegation when an admin allows it (setting scholarsInvite).
 * An invitation by email goes out through the mail outbox, written in the invitation's
 * transaction; the outbox blanks the mail once sent (its link is a credential).
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

/** A facilitator, or a scholar while scholars may invite (checked again with the role and delegation). */
async function requireInviter(actor: Actor | null): Promise<Actor> {
  const me = requireActor(actor);
  if (hasRole(me, "facilitator")) return me;
  if (!(await getSiteSettings()).scholarsInvite) throw forbidden("Only a facilitator may do this.");
  return me;
}

/** Whether this member may invite to this role and delegation (throws the reason when not). */
async function authorizeInviteTo(me: Actor, role: Role, delegationId: string): Promise<void> {
  if (canInvite(me, role)) return;
  if (hasRole(me, "facilitator") || role !== "scholar") throw refused("forbidden", "invite_role_admin_only");
  if (!(await getSiteSettings()).scholarsInvite) throw refused("forbidden", "invite_closed_to_scholars");
  if (!me.delegationId || me.delegationId !== delegationId) throw refused("forbidden", "invite_own_delegation", "delegationId");
}

/** Whether the member may open the invitations page (facilitators; scholars while the setting allows). */
export async function mayInvite(actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  if (hasRole(actor, "facilitator")) return true;
  return !!actor.delegationId && (await getSiteSettings()).scholarsInvite;
}

export async function createInvite(actor: Actor | null, raw: unknown): Promise<CreatedInvite> {
  // The role decides who may invite, so read it before the full validation.
  const me = await requireInviter(actor);
  const input = inviteInputSchema.parse(raw);
  await authorizeInviteTo(me, input.role, input.delegationId);
  await requireWithinLimit("invitation", me.id);
  return issueInvite(input, me.id);
}

export type SentInvites = { invites: InviteView[] };

/**
 * Invitations by email: one single-use link per address, each mailed (through the outbox) in
 * the language chosen, with the invitee's name and the personal note.
 */
export async function emailInvites(actor: Actor | null, raw: unknown, now = new Date()): Promise<SentInvites> {
  const me = await requireInviter(actor);
  const input = emailInviteSchema.parse(raw);
  const { addresses, invalid: wrong } = parseInviteAddresses(input.emails);
  if (wrong.length > 0 || addresses.length === 0) {
    throw invalid("The request is not valid.", { emails: ["emails_invalid"] });
  }
  if (addresses.length > INVITE_ADDRESSES_MAX) throw invalid("The request is not valid.", { emails: ["emails_too_many"] });
  await authorizeInviteTo(me, input.role, input.delegationId);
  if (!mailEnabled()) throw refused("conflict", "invite_needs_mail", "emails");
  const delegation = await db().delegation.findUnique({ where: { id: input.delegationId } });
  if (!delegation) throw invalid("The request is not valid.", { delegationId: ["delegation_required"] });
  for (let i = 0; i < addresses.length; i++) await requireWithinLimit("invitation", me.id, now);

  const t = MESSAGES[input.locale];
  const base = mailSiteUrl();
  const expiresAt = new Date(now.getTime() + input.days * DAY_MS);
  const inviter = me.name;
  const delegationName = input.locale === "zh" ? (delegation.nameZh ?? delegation.name) : delegation.name;
  const date = new Intl.DateTimeFormat(input.locale === "zh" ? "zh-CN" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(expiresAt);
  const rows = await db().$transaction(async (tx) => {
    const made = [];
    for (const address of addresses) {
      const name = address.name || (addresses.length === 1 ? input.name : "");
      const token = randomBytes(32).toString("base64url");
      const created = await tx.invite.create({
        data: {
          tokenHash: hashInviteToken(token),
          delegationId: delegation.id,
          role: input.role,
          maxUses: 1,
          expiresAt,
          createdById: me.id,
          email: address.email,
          name,
          note: input.note,
        },
        include: { delegation: true, createdBy: { select: { name: true } } },
      });
      await recordAudit(tx, me.id, "invite.email", "invite", created.id, null, { email: address.email, name, delegation: delegation.name, role: created.role, expiresAt });
      const n = t.notices.invite;
      const text = [
        name ? format(n.greeting, { name }) : n.greetingNoName,
        format(n.body, { inviter, delegation: delegationName, role: t.account.roles[input.role], date }),
        inviteUrl(base, token),
        input.note ? `${format(n.note, { inviter })}\n\n${input.note}` : "",
      ]
        .filter(Boolean)
        .join("\n\n");
      await enqueueMails(tx, [{ kind: "invitation", to: address.email, subject: format(n.subject, { inviter }), text }]);
      made.push(created);
    }
    return made;
  });
  nudgeDelivery();
  return { invites: rows.map((r) => toView({ ...r, joinedBy: null }, now)) };
}

/** The invitation itself, after authorization (also the operator CLI's, which holds every right). */
export async function issueInvite(input: InviteInput, byId: string | null, now = new Date()): Promise<CreatedInvite> {
  const delegation = await db().delegation.findUnique({ where: { id: input.delegationId } });
  if (!delegation) throw invalid("The request is not valid.", { delegationId: ["delegation_required"] });
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
    await recordAudit(tx, byId ?? OPERATOR, "invite.create", "invite", created.id, null, {
      delegation: delegation.name,
      role: created.role,
      maxUses: created.maxUses,
      expiresAt: created.expiresAt,
    });
    return created;
  });
  return { token, invite: toView({ ...row, joinedBy: null }, now) };
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
  email: string | null;
  name: string;
  joinedBy: string | null;
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
    email: row.email,
    name: row.name,
    joinedBy: row.joinedBy,
  };
}

/** Facilitators see every invitation; a scholar who may invite sees their own. */
export async function listInvites(actor: Actor | null, now = new Date()): Promise<InviteView[]> {
  const me = await requireInviter(actor);
  const rows = await db().invite.findMany({
    where: hasRole(me, "facilitator") ? {} : { createdById: me.id },
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { delegation: true, createdBy: { select: { name: true } } },
  });
  const joinedIds = [...new Set(rows.map((r) => r.joinedById).filter((id): id is string => !!id))];
  const joined = new Map((await db().user.findMany({ where: { id: { in: joinedIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r) => toView({ ...r, joinedBy: r.joinedById ? (joined.get(r.joinedById) ?? null) : null }, now));
}

/** Withdraws a link; a facilitator may withdraw the links they may create (scholars'); a scholar their own. */
export async function revokeInvite(actor: Actor | null, id: string): Promise<void> {
  const me = await requireInviter(actor);
  const invite = await db().invite.findUnique({ where: { id } });
  if (!invite) throw notFound("Invitation");
  if (hasRole(me, "facilitator")) authorizeInvite(me, invite.role);
  else if (invite.createdById !== me.id) throw notFound("Invitation");
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
    await tx.invite.update({ where: { id: invite.id }, data: { joinedById: user.id } });
    await recordAudit(tx, user.id, "invite.accept", "invite", invite.id, { uses: invite.uses }, { uses: invite.uses + 1, userId: user.id, email: user.email });
    return user;
  }, TX_OPTIONS);
}

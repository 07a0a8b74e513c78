import { z } from "@/lib/zod";
import { ROLES } from "@/lib/permissions";
import { LOCALES } from "@/lib/i18n";

/** An invitation link: for a delegation and role, single- or multi-use, expiring. */
export const INVITE_USES_MAX = 500;
export const INVITE_DAYS_MAX = 90;
export const INVITE_DAYS_DEFAULT = 7;

/** Every code the invitation schemas and services put on a field (texts: lib/i18n/messages/codes.ts). */
export const INVITE_ERROR_CODES = ["delegation_required", "role_invalid", "uses_invalid", "days_invalid", "emails_invalid", "emails_too_many", "name_too_long", "invite_note_too_long"] as const;

export const inviteInputSchema = z.object({
  delegationId: z.string({ error: "delegation_required" }).min(1, { error: "delegation_required" }).max(100),
  role: z.enum(ROLES, { error: "role_invalid" }).default("scholar"),
  maxUses: z.coerce
    .number({ error: "uses_invalid" })
    .int({ error: "uses_invalid" })
    .min(1, { error: "uses_invalid" })
    .max(INVITE_USES_MAX, { error: "uses_invalid" })
    .default(1),
  days: z.coerce
    .number({ error: "days_invalid" })
    .int({ error: "days_invalid" })
    .min(1, { error: "days_invalid" })
    .max(INVITE_DAYS_MAX, { error: "days_invalid" })
    .default(INVITE_DAYS_DEFAULT),
});
export type InviteInput = z.output<typeof inviteInputSchema>;

/**
 * Invitations by email: one single-use link per address (lib/membership/invite-addresses.ts),
 * with the invitee's name and a personal note, the email in the language chosen.
 */
export const emailInviteSchema = inviteInputSchema.omit({ maxUses: true }).extend({
  emails: z.string({ error: "emails_invalid" }).max(20_000, { error: "emails_too_many" }),
  name: z.string().trim().max(100, { error: "name_too_long" }).default(""),
  note: z.string().trim().max(2000, { error: "invite_note_too_long" }).default(""),
  locale: z.enum(LOCALES).default("en"),
});
export type EmailInviteInput = z.output<typeof emailInviteSchema>;

/** Why a link can or cannot be used; the invitation page explains each in both languages. */
export type InviteState = "valid" | "expired" | "used_up" | "revoked";

export function inviteState(
  invite: { revokedAt: Date | null; expiresAt: Date; uses: number; maxUses: number },
  now: Date,
): InviteState {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  if (invite.uses >= invite.maxUses) return "used_up";
  return "valid";
}

/** A listed invitation (the secret is never listed: it is shown once, when created). */
export const inviteViewSchema = z.object({
  id: z.string(),
  delegation: z.string(),
  role: z.enum(ROLES),
  uses: z.number().int(),
  maxUses: z.number().int(),
  expiresAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  state: z.enum(["valid", "expired", "used_up", "revoked"]),
  /** For an invitation sent by email: to whom, and the name it carried. */
  email: z.string().nullable(),
  name: z.string(),
  /** The member who last joined with it, if anyone has. */
  joinedBy: z.string().nullable(),
});
export type InviteView = z.infer<typeof inviteViewSchema>;

/** GET /api/invites. */
export const inviteListSchema = z.object({ invites: z.array(inviteViewSchema) });

/** POST /api/invites: the link holds the secret and is shown only this once. */
export const createdInviteSchema = z.object({ url: z.string(), invite: inviteViewSchema });

/**
 * POST /api/invites as the API document describes it: a link (the invitation fields), or with
 * `emails` one emailed link per address; the answer is the link or the emailed invitations.
 */
export const inviteRequestSchema = inviteInputSchema.extend({
  emails: emailInviteSchema.shape.emails.optional(),
  name: emailInviteSchema.shape.name.optional(),
  note: emailInviteSchema.shape.note.optional(),
  locale: emailInviteSchema.shape.locale.optional(),
});
export const inviteCreatedSchema = z.object({
  url: z.string().optional().describe("The link, holding the secret: shown only this once (without emails)."),
  invite: inviteViewSchema.optional(),
  invites: z.array(inviteViewSchema).optional().describe("The invitations emailed (with emails)."),
});

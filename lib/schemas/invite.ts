import { z } from "@/lib/zod";
import { ROLES } from "@/lib/permissions";

/** An invitation link: for a delegation and role, single- or multi-use, expiring. */
export const INVITE_USES_MAX = 500;
export const INVITE_DAYS_MAX = 90;
export const INVITE_DAYS_DEFAULT = 7;

export const INVITE_ERRORS = {
  delegationRequired: "Choose a delegation.",
  roleInvalid: `Choose a role: ${ROLES.join(", ")}.`,
  usesInvalid: `Uses: a whole number from 1 to ${INVITE_USES_MAX}.`,
  daysInvalid: `Days: a whole number from 1 to ${INVITE_DAYS_MAX}.`,
} as const;
export type InviteErrorKey = keyof typeof INVITE_ERRORS;

export function inviteErrorKey(message: string): InviteErrorKey | null {
  const entry = Object.entries(INVITE_ERRORS).find(([, text]) => text === message);
  return entry ? (entry[0] as InviteErrorKey) : null;
}

export const inviteInputSchema = z.object({
  delegationId: z.string({ error: INVITE_ERRORS.delegationRequired }).min(1, { error: INVITE_ERRORS.delegationRequired }).max(100),
  role: z.enum(ROLES, { error: INVITE_ERRORS.roleInvalid }).default("scholar"),
  maxUses: z.coerce
    .number({ error: INVITE_ERRORS.usesInvalid })
    .int({ error: INVITE_ERRORS.usesInvalid })
    .min(1, { error: INVITE_ERRORS.usesInvalid })
    .max(INVITE_USES_MAX, { error: INVITE_ERRORS.usesInvalid })
    .default(1),
  days: z.coerce
    .number({ error: INVITE_ERRORS.daysInvalid })
    .int({ error: INVITE_ERRORS.daysInvalid })
    .min(1, { error: INVITE_ERRORS.daysInvalid })
    .max(INVITE_DAYS_MAX, { error: INVITE_ERRORS.daysInvalid })
    .default(INVITE_DAYS_DEFAULT),
});
export type InviteInput = z.output<typeof inviteInputSchema>;

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
});
export type InviteView = z.infer<typeof inviteViewSchema>;

/** GET /api/invites. */
export const inviteListSchema = z.object({ invites: z.array(inviteViewSchema) });

/** POST /api/invites: the link holds the secret and is shown only this once. */
export const createdInviteSchema = z.object({ url: z.string(), invite: inviteViewSchema });

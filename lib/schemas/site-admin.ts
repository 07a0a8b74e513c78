import { z } from "@/lib/zod";
import { ROLES } from "@/lib/permissions";

/** What admins manage: site settings, delegations, members' roles. */

export const ADMIN_ERRORS = {
  signUpDelegationRequired: "Choose the delegation that open sign-up joins.",
  delegationNameRequired: "Enter the delegation's name.",
  delegationNameTooLong: "Keep the name under 60 characters.",
  roleInvalid: `Choose a role: ${ROLES.join(", ")}.`,
} as const;
export type AdminErrorKey = keyof typeof ADMIN_ERRORS;

export function adminErrorKey(message: string): AdminErrorKey | null {
  const entry = Object.entries(ADMIN_ERRORS).find(([, text]) => text === message);
  return entry ? (entry[0] as AdminErrorKey) : null;
}

/**
 * Site settings, stored one row per key in Setting (JSON values) so every app instance reads
 * the same. A missing row means the default.
 */
export const siteSettingsSchema = z
  .object({
    /** Anonymous readers are sent to /signin (pages) or get 401 (read API). */
    membersOnly: z.boolean().default(false),
    /** Anyone may create a scholar account in `signUpDelegationId` at /signup. */
    openSignUp: z.boolean().default(false),
    signUpDelegationId: z.string().min(1).nullable().default(null),
    /** Scholars may invite scholars of their own delegation. */
    scholarsInvite: z.boolean().default(false),
  })
  .refine((s) => !s.openSignUp || !!s.signUpDelegationId, {
    path: ["signUpDelegationId"],
    error: ADMIN_ERRORS.signUpDelegationRequired,
  });
export type SiteSettings = z.output<typeof siteSettingsSchema>;
export const SETTING_KEYS = ["membersOnly", "openSignUp", "signUpDelegationId", "scholarsInvite"] as const;

/** The settings form: checkboxes are present ("on") or absent. */
export function settingsFromForm(fields: Record<string, string>): unknown {
  return {
    membersOnly: fields.membersOnly === "on",
    openSignUp: fields.openSignUp === "on",
    signUpDelegationId: fields.signUpDelegationId || null,
    scholarsInvite: fields.scholarsInvite === "on",
  };
}

export const delegationInputSchema = z.object({
  name: z
    .string({ error: ADMIN_ERRORS.delegationNameRequired })
    .trim()
    .min(1, { error: ADMIN_ERRORS.delegationNameRequired })
    .max(60, { error: ADMIN_ERRORS.delegationNameTooLong }),
  nameZh: z.string().trim().max(60, { error: ADMIN_ERRORS.delegationNameTooLong }).default(""),
});
export type DelegationInput = z.output<typeof delegationInputSchema>;

export const roleChangeSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(ROLES, { error: ADMIN_ERRORS.roleInvalid }),
});

export const memberStatusSchema = z.object({
  userId: z.string().min(1).max(100),
  disabled: z.boolean(),
});

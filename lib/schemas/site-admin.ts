import { z } from "@/lib/zod";
import { ROLES } from "@/lib/permissions";

/** What admins manage: site settings, delegations, members' roles. */

/** Every code the admin schemas put on a field (texts: lib/i18n/messages/codes.ts). */
export const ADMIN_ERROR_CODES = ["signup_delegation_required", "delegation_name_required", "delegation_name_too_long", "role_invalid"] as const;

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
    error: "signup_delegation_required",
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
    .string({ error: "delegation_name_required" })
    .trim()
    .min(1, { error: "delegation_name_required" })
    .max(60, { error: "delegation_name_too_long" }),
  nameZh: z.string().trim().max(60, { error: "delegation_name_too_long" }).default(""),
});
export type DelegationInput = z.output<typeof delegationInputSchema>;

export const roleChangeSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(ROLES, { error: "role_invalid" }),
});

export const memberStatusSchema = z.object({
  userId: z.string().min(1).max(100),
  disabled: z.boolean(),
});

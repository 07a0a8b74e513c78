import { z } from "@/lib/zod";
import { LOCALES } from "@/lib/i18n";
import { ORCID_ID } from "@/lib/auth/orcid";
import { ROLES } from "@/lib/permissions";

/**
 * What a person types about themselves: a new account (from an invitation or open sign-up),
 * profile edits, a password change, an API token's label. One schema per input, run by the
 * form and again, authoritatively, by the server.
 */

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 100;
export const AFFILIATION_MAX = 200;
export const TOKEN_LABEL_MAX = 100;

/** Every code the schemas above and the account services put on a field (texts: lib/i18n/messages/codes.ts). */
export const ACCOUNT_ERROR_CODES = [
  "email_invalid",
  "name_required",
  "name_too_long",
  "affiliation_too_long",
  "locale_invalid",
  "password_too_short",
  "password_too_long",
  "passwords_differ",
  "current_password_wrong",
  "orcid_invalid",
  "label_too_long",
] as const;

export const emailSchema = z
  .string({ error: "email_invalid" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "email_invalid" }).max(254, { error: "email_invalid" }));

export const nameSchema = z
  .string({ error: "name_required" })
  .trim()
  .min(1, { error: "name_required" })
  .max(NAME_MAX, { error: "name_too_long" });

const affiliationSchema = z.string().trim().max(AFFILIATION_MAX, { error: "affiliation_too_long" }).default("");

export const localeSchema = z.enum(LOCALES, { error: "locale_invalid" });

export const passwordSchema = z
  .string({ error: "password_too_short" })
  .min(PASSWORD_MIN, { error: "password_too_short" })
  .max(PASSWORD_MAX, { error: "password_too_long" });

const orcidSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => v === "" || ORCID_ID.test(v), { error: "orcid_invalid" })
  .transform((v) => (v === "" ? null : v));

/** A new account: the delegation and role come from the invitation (or the sign-up setting), never from here. */
export const newAccountSchema = z
  .object({
    email: emailSchema,
    name: nameSchema,
    affiliation: affiliationSchema,
    locale: localeSchema.default("en"),
    password: passwordSchema,
    passwordConfirm: z.string().default(""),
  })
  .refine((a) => a.password === a.passwordConfirm, { path: ["passwordConfirm"], error: "passwords_differ" })
  .transform(({ passwordConfirm: _confirm, ...account }) => account);
export type NewAccount = z.output<typeof newAccountSchema>;

/** Profile edits. `delegationId` is only honoured for admins (scholars' and facilitators' is read-only). */
export const profileInputSchema = z.object({
  name: nameSchema,
  affiliation: affiliationSchema,
  locale: localeSchema,
  orcid: orcidSchema.optional(),
  delegationId: z.string().min(1).max(100).optional(),
});
export type ProfileInput = z.output<typeof profileInputSchema>;

/** PATCH /api/me: any subset of the profile's fields; those left out keep their value. */
export const profileUpdateSchema = profileInputSchema.partial();

/** The caller's own profile (GET and PATCH /api/me, the profile page). */
export const profileSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  affiliation: z.string(),
  locale: localeSchema,
  orcid: z.string().nullable(),
  role: z.enum(ROLES),
  delegation: z.object({ id: z.string(), name: z.string(), nameZh: z.string().nullable() }).nullable(),
  hasPassword: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

/** A member without a password yet (magic link, ORCID) sets one with an empty `current`. */
export const passwordChangeSchema = z
  .object({
    current: z.string().max(PASSWORD_MAX).default(""),
    password: passwordSchema,
    passwordConfirm: z.string().default(""),
  })
  .refine((a) => a.password === a.passwordConfirm, { path: ["passwordConfirm"], error: "passwords_differ" });

export const apiTokenInputSchema = z.object({
  label: z.string().trim().max(TOKEN_LABEL_MAX, { error: "label_too_long" }).default(""),
});

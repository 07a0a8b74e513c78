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

/** English messages of the API; forms show the translation of the same key (see accountErrorKey). */
export const ACCOUNT_ERRORS = {
  emailInvalid: "Enter a valid email address.",
  nameRequired: "Enter your name.",
  nameTooLong: `Keep the name under ${NAME_MAX} characters.`,
  affiliationTooLong: `Keep the affiliation under ${AFFILIATION_MAX} characters.`,
  localeInvalid: "Choose English or 中文.",
  passwordTooShort: `Use at least ${PASSWORD_MIN} characters.`,
  passwordTooLong: `Use at most ${PASSWORD_MAX} characters.`,
  passwordsDiffer: "The two passwords differ.",
  currentPasswordWrong: "The current password is wrong.",
  orcidInvalid: "An ORCID iD looks like 0000-0002-1825-0097.",
  labelTooLong: `Keep the label under ${TOKEN_LABEL_MAX} characters.`,
} as const;
export type AccountErrorKey = keyof typeof ACCOUNT_ERRORS;

export function accountErrorKey(message: string): AccountErrorKey | null {
  const entry = Object.entries(ACCOUNT_ERRORS).find(([, text]) => text === message);
  return entry ? (entry[0] as AccountErrorKey) : null;
}

export const emailSchema = z
  .string({ error: ACCOUNT_ERRORS.emailInvalid })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: ACCOUNT_ERRORS.emailInvalid }).max(254, { error: ACCOUNT_ERRORS.emailInvalid }));

export const nameSchema = z
  .string({ error: ACCOUNT_ERRORS.nameRequired })
  .trim()
  .min(1, { error: ACCOUNT_ERRORS.nameRequired })
  .max(NAME_MAX, { error: ACCOUNT_ERRORS.nameTooLong });

const affiliationSchema = z.string().trim().max(AFFILIATION_MAX, { error: ACCOUNT_ERRORS.affiliationTooLong }).default("");

export const localeSchema = z.enum(LOCALES, { error: ACCOUNT_ERRORS.localeInvalid });

export const passwordSchema = z
  .string({ error: ACCOUNT_ERRORS.passwordTooShort })
  .min(PASSWORD_MIN, { error: ACCOUNT_ERRORS.passwordTooShort })
  .max(PASSWORD_MAX, { error: ACCOUNT_ERRORS.passwordTooLong });

const orcidSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => v === "" || ORCID_ID.test(v), { error: ACCOUNT_ERRORS.orcidInvalid })
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
  .refine((a) => a.password === a.passwordConfirm, { path: ["passwordConfirm"], error: ACCOUNT_ERRORS.passwordsDiffer })
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
  .refine((a) => a.password === a.passwordConfirm, { path: ["passwordConfirm"], error: ACCOUNT_ERRORS.passwordsDiffer });

export const apiTokenInputSchema = z.object({
  label: z.string().trim().max(TOKEN_LABEL_MAX, { error: ACCOUNT_ERRORS.labelTooLong }).default(""),
});

/** A form's text fields as a plain object (files and repeated names are not used by these forms). */
export function formFields(form: Iterable<[string, FormDataEntryValue]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string" && !name.startsWith("$ACTION")) out[name] = value;
  return out;
}

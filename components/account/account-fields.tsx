import { PASSWORD_MIN } from "@/lib/schemas/account";
import { TextField } from "@/components/forms/field";

type ErrorOf = (field: string) => string | undefined;

/** A new password and its confirmation, as account creation, the password form and a reset ask for them. */
export function NewPasswordFields({
  label,
  confirmLabel,
  hint,
  errorOf,
  ids,
}: {
  label: string;
  confirmLabel: string;
  hint: string;
  errorOf: ErrorOf;
  /** Explicit ids where a page has another password field. */
  ids?: { password: string; confirm: string };
}) {
  return (
    <>
      <TextField
        label={label}
        name="password"
        id={ids?.password}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={hint}
        error={errorOf("password")}
      />
      <TextField label={confirmLabel} name="passwordConfirm" id={ids?.confirm} type="password" autoComplete="new-password" required error={errorOf("passwordConfirm")} />
    </>
  );
}

/** Name and affiliation, as a new account and the profile ask for them. */
export function NameFields({ t, errorOf, values }: { t: { name: string; affiliation: string; affiliationHint: string }; errorOf: ErrorOf; values: { name: string; affiliation: string } }) {
  return (
    <>
      <TextField label={t.name} name="name" autoComplete="name" required maxLength={100} defaultValue={values.name} error={errorOf("name")} />
      <TextField
        label={t.affiliation}
        name="affiliation"
        autoComplete="organization"
        maxLength={200}
        hint={t.affiliationHint}
        defaultValue={values.affiliation}
        error={errorOf("affiliation")}
      />
    </>
  );
}

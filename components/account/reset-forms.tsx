"use client";
import type { Messages } from "@/lib/i18n";
import { NewPasswordFields } from "./account-fields";
import { TextField, Submit } from "@/components/forms/field";
import { FormOutcome } from "@/components/forms/form-feedback";
import type { ErrorTexts } from "@/lib/i18n/codes";
import { useActionForm, fieldMessages, valueOf, type FormAction } from "@/components/forms/use-action-form";
import styles from "./forms.module.css";

/** The email form of /reset-password: one answer for every address. */
export function ResetRequestForm({ t, errors, action }: { t: Messages["reset"]; errors: ErrorTexts; action: FormAction<null> }) {
  const { state, pending, formProps } = useActionForm(action);
  const errorOf = fieldMessages(state, errors);
  return (
    <form {...formProps} method="post" noValidate className={`form ${styles.narrow}`}>
      <FormOutcome state={state} errors={errors} success={t.sent} />
      <TextField label={t.email} name="email" type="email" autoComplete="email" required defaultValue={valueOf(state, "email")} error={errorOf("email")} />
      <Submit label={t.send} busyLabel={t.sending} pending={pending} />
    </form>
  );
}

/** The new-password form of /reset-password/<token>; after it the member signs in with the new password. */
export function ResetPasswordForm({ t, errors, passwordHint, action, token }: { t: Messages["reset"]; errors: ErrorTexts; passwordHint: string; action: FormAction<{ email: string }>; token: string }) {
  const { state, pending, formProps } = useActionForm(action);
  const errorOf = fieldMessages(state, errors);
  if (state.status === "ok") {
    return (
      <div className="stack">
        <p className="success" role="status">
          {t.done}
        </p>
        <p>
          <a href="/signin">{t.signIn}</a>
        </p>
      </div>
    );
  }
    return (
    <form {...formProps} method="post" noValidate className={`form ${styles.narrow}`}>
      <FormOutcome state={state} errors={errors} />
      {errorOf("token") ? (
        <p>
          <a href="/reset-password">{t.askAgain}</a>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields label={t.password} confirmLabel={t.passwordConfirm} hint={passwordHint} errorOf={errorOf} ids={{ password: "new-password", confirm: "new-password-confirm" }} />
      <Submit label={t.save} busyLabel={t.saving} pending={pending} />
    </form>
  );
}

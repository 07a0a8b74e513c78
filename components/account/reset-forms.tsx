"use client";
import type { Messages } from "@/lib/i18n";
import { PASSWORD_MIN } from "@/lib/schemas/account";
import { TextField, Submit, Outcome } from "./field";
import { useActionForm, errorsOf, valueOf, type FormAction } from "@/components/forms/use-action-form";
import styles from "./forms.module.css";

/** The email form of /reset-password: one answer for every address. */
export function ResetRequestForm({ t, action }: { t: Messages["reset"]; action: FormAction<null> }) {
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} method="post" className={`form ${styles.narrow}`}>
      <Outcome status={state.status} message={state.message} success={t.sent} />
      <TextField label={t.email} name="email" type="email" autoComplete="email" required defaultValue={valueOf(state, "email")} errors={errorsOf(state, "email")} />
      <Submit label={t.send} busyLabel={t.sending} pending={pending} />
    </form>
  );
}

/** The new-password form of /reset-password/<token>; after it the member signs in with the new password. */
export function ResetPasswordForm({ t, passwordHint, action, token }: { t: Messages["reset"]; passwordHint: string; action: FormAction<{ email: string }>; token: string }) {
  const { state, pending, formProps } = useActionForm(action);
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
  const tokenErrors = errorsOf(state, "token");
  return (
    <form {...formProps} method="post" className={`form ${styles.narrow}`}>
      <Outcome status={state.status} message={state.message} />
      {tokenErrors?.length ? (
        <p>
          <a href="/reset-password">{t.askAgain}</a>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <TextField
        label={t.password}
        name="password"
        id="new-password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={passwordHint}
        errors={errorsOf(state, "password")}
      />
      <TextField label={t.passwordConfirm} name="passwordConfirm" id="new-password-confirm" type="password" autoComplete="new-password" required errors={errorsOf(state, "passwordConfirm")} />
      <Submit label={t.save} busyLabel={t.saving} pending={pending} />
    </form>
  );
}

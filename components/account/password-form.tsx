"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import type { Messages } from "@/lib/i18n";
import { NewPasswordFields } from "./account-fields";
import { TextField, Submit } from "@/components/forms/field";
import { FormOutcome } from "@/components/forms/form-feedback";
import type { ErrorTexts } from "@/lib/i18n/codes";
import { useActionForm, fieldMessages, type FormAction } from "@/components/forms/use-action-form";
import styles from "./forms.module.css";

type Props = { t: Messages["account"]; errors: ErrorTexts; action: FormAction<{ email: string }>; hasPassword: boolean };

/**
 * A password change ends every session of the account (the server bumps its sessionVersion),
 * this one included. So that the person does not have to sign in again here, the form signs in
 * with the new password right away (it is in memory only for that); other devices stay signed
 * out. Without JavaScript the next page asks them to sign in.
 */
export function PasswordForm({ t, errors, action, hasPassword }: Props) {
  const router = useRouter();
  const next = useRef("");
  const [outcome, setOutcome] = useState<"idle" | "renewed" | "signInAgain">("idle");
  const { state, pending, formProps } = useActionForm(action, {
    beforeSend: (data) => {
      next.current = String(data.get("password") ?? "");
      setOutcome("idle");
    },
  });
  const errorOf = fieldMessages(state, errors);
  const email = state.status === "ok" ? state.result?.email : undefined;

  useEffect(() => {
    if (!email || !next.current) return;
    const password = next.current;
    next.current = "";
    signIn("credentials", { email, password, redirect: false })
      .then((res) => {
        setOutcome(res?.ok && !res.error ? "renewed" : "signInAgain");
        router.refresh();
      })
      .catch(() => setOutcome("signInAgain"));
  }, [email, state.at, router]);

  const success = outcome === "renewed" ? t.passwordForm.done : outcome === "signInAgain" ? t.passwordForm.doneSignIn : undefined;
  return (
    <form {...formProps} method="post" noValidate className={`form ${styles.narrow}`} key={state.status === "ok" ? state.at : "form"}>
      {hasPassword ? null : <p className="muted">{t.passwordForm.noneYet}</p>}
      {success ? <FormOutcome state={{ status: "ok" }} success={success} /> : <FormOutcome state={state} errors={errors} />}
      {hasPassword ? (
        <TextField label={t.passwordForm.current} name="current" id="current-password" type="password" autoComplete="current-password" required error={errorOf("current")} />
      ) : null}
      <NewPasswordFields label={t.passwordForm.next} confirmLabel={t.passwordConfirm} hint={t.passwordHint} errorOf={errorOf} ids={{ password: "new-password", confirm: "new-password-confirm" }} />
      <Submit label={t.passwordForm.submit} busyLabel={t.passwordForm.submitting} pending={pending} />
    </form>
  );
}

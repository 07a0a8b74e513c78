"use client";
import { useEffect, useRef, useState } from "react";
import { signIn } from "next-auth/react";
import type { Locale, Messages } from "@/lib/i18n";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n";
import { NameFields, NewPasswordFields } from "./account-fields";
import { TextField, SelectField, Submit } from "@/components/forms/field";
import { FormOutcome } from "@/components/forms/form-feedback";
import type { ErrorTexts } from "@/lib/i18n/codes";
import { useActionForm, fieldMessages, valueOf, type FormAction } from "@/components/forms/use-action-form";
import styles from "./forms.module.css";

type Props = {
  t: Messages["account"];
  action: FormAction<{ email: string }>;
  locale: Locale;
  /** Shown instead of the form when the link cannot be used (and nothing was created here). */
  unusable?: string | null;
  errors: ErrorTexts;
};

/**
 * Creates an account (from an invitation, or by open sign-up), then signs the person in with
 * the password they just chose and takes them to the lexicon. Without JavaScript the account
 * is created and the page links to sign-in.
 */
export function NewAccountForm({ t, errors, action, locale, unusable }: Props) {
  const password = useRef("");
  // Set when this page sent the form with JavaScript: then it can sign in by itself afterwards.
  const [canSignIn, setCanSignIn] = useState(false);
  const [signInFailed, setSignInFailed] = useState(false);
  const { state, pending, formProps } = useActionForm(action, {
    beforeSend: (data) => {
      password.current = String(data.get("password") ?? "");
      setCanSignIn(true);
    },
  });
  const errorOf = fieldMessages(state, errors);
  const created = state.status === "ok" ? state.result?.email : undefined;

  useEffect(() => {
    if (!created || !password.current) return;
    let cancelled = false;
    signIn("credentials", { email: created, password: password.current, redirect: false })
      .then((res) => {
        if (cancelled) return;
        if (res?.ok && !res.error) window.location.assign("/");
        else setSignInFailed(true);
      })
      .catch(() => !cancelled && setSignInFailed(true))
      .finally(() => {
        password.current = "";
      });
    return () => {
      cancelled = true;
    };
  }, [created, state.at]);

  if (state.status === "ok") {
    // With JavaScript the effect above signs in; without it (or if that failed) the person signs in themselves.
    const manual = signInFailed || !canSignIn;
    return (
      <div role="status" className="success">
        <p>{manual ? t.invite.createdSignIn : t.invite.created}</p>
        {manual ? (
          <p>
            <a href="/signin">{t.invite.signInLink}</a>
          </p>
        ) : null}
      </div>
    );
  }
  if (unusable) {
    return (
      <p className="error" role="alert">
        {unusable}
      </p>
    );
  }
  return (
    <form {...formProps} method="post" noValidate className={`form ${styles.narrow}`}>
      <FormOutcome state={state} errors={errors} />
      <TextField label={t.email} name="email" type="email" autoComplete="email" required defaultValue={valueOf(state, "email")} error={errorOf("email")} />
      <NameFields t={t} errorOf={errorOf} values={{ name: valueOf(state, "name"), affiliation: valueOf(state, "affiliation") }} />
      <SelectField
        label={t.language}
        name="locale"
        defaultValue={valueOf(state, "locale", locale)}
        options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
        error={errorOf("locale")}
      />
      <NewPasswordFields label={t.password} confirmLabel={t.passwordConfirm} hint={t.passwordHint} errorOf={errorOf} />
      <Submit label={t.invite.submit} busyLabel={t.invite.submitting} pending={pending} />
    </form>
  );
}

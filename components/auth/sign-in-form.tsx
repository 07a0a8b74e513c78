"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import type { Messages } from "@/lib/i18n";
import { safeCallback } from "@/lib/safe-callback";
import { codeText, type ErrorTexts } from "@/lib/i18n/codes";
import { TextField } from "@/components/forms/field";

type Props = {
  t: Messages["auth"];
  /** The texts of the field codes (a missing email or password is said at its field). */
  errors: ErrorTexts;
  callbackUrl: string;
  initialError: string | null;
  magicLink: boolean;
  orcid: boolean;
  /** "Forgot password?" (only when the site can send mail). */
  forgot: { label: string; href: string } | null;
};

type ErrorKey = keyof Messages["auth"]["errors"];

/** What the browser can check before asking the server: an address that looks like one, a password. */
function missing(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  if (!/^[^\s@]+@[^\s@]+$/.test(String(form.get("email") ?? "").trim())) out.email = "email_invalid";
  if (!String(form.get("password") ?? "")) out.password = "password_required";
  return out;
}

export function SignInForm({ t, errors, callbackUrl, initialError, magicLink, orcid, forgot }: Props) {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorKey | null>(initialError as ErrorKey | null);
  const [busy, setBusy] = useState<"password" | "link" | null>(null);
  const [email, setEmail] = useState("");

  // A submit handler, not a form action: state must update while the request is in flight.
  async function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const refused = missing(form);
    setFields(refused);
    if (Object.keys(refused).length) return setError(null);
    setBusy("password");
    setError(null);
    try {
      const res = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (res?.ok && !res.error) {
        window.location.assign(safeCallback(callbackUrl));
        return;
      }
      const code = (res?.error ?? "Default") as ErrorKey;
      setError(code in t.errors ? code : "Default");
    } catch {
      setError("network");
    }
    setBusy(null);
  }

  async function onLink() {
    setBusy("link");
    setError(null);
    try {
      const res = await signIn("email", { email, redirect: false, callbackUrl });
      if (res?.ok && !res.error) {
        window.location.assign("/signin/check-email");
        return;
      }
      const code = (res?.error ?? "Default") as ErrorKey;
      setError(code in t.errors ? code : "Default");
    } catch {
      setError("network");
    }
    setBusy(null);
  }

  return (
    <div className="stack">
      {Object.keys(fields).length ? (
        <p className="error" role="alert" id="signin-error">
          {codeText(errors, "invalid")}
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert" id="signin-error">
          {t.errors[error]}
          {error === "Locked" && forgot ? (
            <>
              {" "}
              <a href={forgot.href}>{forgot.label}</a>
            </>
          ) : null}
        </p>
      ) : null}
      <form onSubmit={onPassword} method="post" className="form" noValidate aria-describedby={error ? "signin-error" : undefined}>
        <TextField
          label={t.email}
          name="email"
          id="signin-email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email && codeText(errors, fields.email)}
        />
        <TextField
          label={t.password}
          name="password"
          id="signin-password"
          type="password"
          autoComplete="current-password"
          required
          error={fields.password && codeText(errors, fields.password)}
        />
        <button type="submit" disabled={busy !== null} aria-busy={busy === "password"}>
          {busy === "password" ? t.submitting : t.submit}
        </button>
        {forgot ? (
          <p>
            <a href={forgot.href}>{forgot.label}</a>
          </p>
        ) : null}
      </form>
      {magicLink ? (
        <div>
          <p>{t.orMagicLink}</p>
          <button type="button" className="secondary" onClick={onLink} disabled={busy !== null || !email} aria-busy={busy === "link"}>
            {busy === "link" ? t.sendingLink : t.sendLink}
          </button>
        </div>
      ) : null}
      {orcid ? (
        <p>
          <button type="button" className="secondary" onClick={() => signIn("orcid", { callbackUrl })}>
            {t.orcid}
          </button>
        </p>
      ) : null}
    </div>
  );
}

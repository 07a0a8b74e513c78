"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import type { Messages } from "@/lib/i18n";
import { safeCallback } from "@/lib/safe-callback";

type Props = {
  t: Messages["auth"];
  callbackUrl: string;
  initialError: string | null;
  magicLink: boolean;
  orcid: boolean;
  /** "Forgot password?" (only when the site can send mail). */
  forgot: { label: string; href: string } | null;
};

type ErrorKey = keyof Messages["auth"]["errors"];

export function SignInForm({ t, callbackUrl, initialError, magicLink, orcid, forgot }: Props) {
  const [error, setError] = useState<ErrorKey | null>(initialError as ErrorKey | null);
  const [busy, setBusy] = useState<"password" | "link" | null>(null);
  const [email, setEmail] = useState("");

  // A submit handler, not a form action: state must update while the request is in flight.
  async function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
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
      <form onSubmit={onPassword} method="post" className="form" aria-describedby={error ? "signin-error" : undefined}>
        <label>
          {t.email}
          <input name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t.password}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
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

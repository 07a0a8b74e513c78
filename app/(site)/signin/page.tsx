import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { messages } from "@/server/site/locale";
import { currentActor } from "@/server/auth/request";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSiteSettings } from "@/server/site/settings";
import { safeCallback } from "@/lib/safe-callback";
import { errorTexts } from "@/lib/i18n/codes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ error?: string; callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { error, callbackUrl } = await searchParams;
  const back = safeCallback(callbackUrl);
  if (await currentActor()) redirect(back);
  const [{ t }, settings] = await Promise.all([messages(), getSiteSettings()]);
  const e = env();
  return (
    <>
      <h1>{t.auth.signInTitle}</h1>
      <p className="muted">{t.auth.signInIntro}</p>
      <SignInForm
        t={t.auth}
        errors={errorTexts(t)}
        callbackUrl={back}
        initialError={error ? (error in t.auth.errors ? error : "Default") : null}
        magicLink={!!e.SMTP_URL}
        orcid={!!(e.ORCID_CLIENT_ID && e.ORCID_CLIENT_SECRET)}
        forgot={e.SMTP_URL ? { label: t.reset.forgotLink, href: "/reset-password" } : null}
      />
      {settings.openSignUp ? (
        <p>
          <a href="/signup">{t.account.signUp.link}</a>
        </p>
      ) : null}
    </>
  );
}

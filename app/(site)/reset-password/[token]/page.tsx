import type { Metadata } from "next";
import { messages } from "@/server/site/locale";
import { inspectResetToken } from "@/server/auth/password-reset";
import { confirmResetAction } from "@/server/actions/account/password-reset";
import { ResetPasswordForm } from "@/components/account/reset-forms";
import { errorTexts } from "@/lib/i18n/codes";

export const dynamic = "force-dynamic";
// The link's secret is in the address: never sent on as a Referer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const [{ token }, { t }] = await Promise.all([params, messages()]);
  const state = await inspectResetToken(token);
  return (
    <>
      <h1>{t.reset.setTitle}</h1>
      {state === "valid" ? (
        <>
          <p className="muted">{t.reset.setIntro}</p>
          <ResetPasswordForm errors={errorTexts(t)} t={t.reset} passwordHint={t.account.passwordHint} action={confirmResetAction} token={token} />
        </>
      ) : (
        <>
          <p className="error" role="alert">
            {t.codes[`reset_${state}`]}
          </p>
          <p>
            <a href="/reset-password">{t.reset.askAgain}</a>
          </p>
        </>
      )}
    </>
  );
}

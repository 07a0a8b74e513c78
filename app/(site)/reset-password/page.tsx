import type { Metadata } from "next";
import { messages } from "@/server/site/locale";
import { requestResetAction } from "@/server/actions/account/password-reset";
import { ResetRequestForm } from "@/components/account/reset-forms";
import { errorTexts } from "@/lib/i18n/codes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reset your password" };

export default async function ResetRequestPage() {
  const { t } = await messages();
  return (
    <>
      <h1>{t.reset.requestTitle}</h1>
      <p className="muted">{t.reset.requestIntro}</p>
      <ResetRequestForm errors={errorTexts(t)} t={t.reset} action={requestResetAction} />
      <p>
        <a href="/signin">{t.reset.signIn}</a>
      </p>
    </>
  );
}

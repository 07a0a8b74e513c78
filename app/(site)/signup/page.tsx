import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { format } from "@/lib/i18n";
import { messages } from "@/server/site/locale";
import { getSiteSettings } from "@/server/site/settings";
import { listDelegations } from "@/server/membership/delegations";
import { signUpAction } from "@/server/actions/account/sign-up";
import { NewAccountForm } from "@/components/account/new-account-form";
import { delegationLabel } from "@/components/account/labels";
import { errorTexts } from "@/lib/i18n/codes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign up" };

/** Open sign-up: exists only while an admin has it turned on. */
export default async function SignUpPage() {
  const [{ t, locale }, settings] = await Promise.all([messages(), getSiteSettings()]);
  if (!settings.openSignUp || !settings.signUpDelegationId) notFound();
  const delegation = (await listDelegations()).find((d) => d.id === settings.signUpDelegationId);
  return (
    <>
      <h1>{t.account.signUp.title}</h1>
      <p>{format(t.account.signUp.intro, { delegation: delegationLabel(delegation, locale) })}</p>
      <NewAccountForm errors={errorTexts(t)} t={t.account} action={signUpAction} locale={locale} />
    </>
  );
}

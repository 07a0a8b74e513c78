import type { Metadata } from "next";
import { format } from "@/lib/i18n";
import { messages } from "@/server/site/locale";
import { currentActor } from "@/server/auth/request";
import { inspectInvite } from "@/server/membership/invites";
import { acceptInviteAction } from "@/server/actions/account/accept-invite";
import { NewAccountForm } from "@/components/account/new-account-form";
import { dateTime, delegationLabel } from "@/components/account/labels";
import { errorTexts } from "@/lib/i18n/codes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

/** Opening an invitation link: who it is for, then the form that creates the account. */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const [{ t, locale }, landing, actor] = await Promise.all([messages(), inspectInvite(token), currentActor()]);
  const unusable = landing.state === "valid" ? null : t.codes[`invite_${landing.state}`];
  return (
    <>
      <h1>{t.account.invite.title}</h1>
      {landing.state === "valid" ? (
        <>
          <p>
            {format(t.account.invite.intro, {
              delegation: delegationLabel(landing.delegation, locale),
              role: t.account.roles[landing.role],
            })}
          </p>
          <p className="muted">{format(t.account.invite.expires, { date: dateTime(landing.expiresAt, locale) })}</p>
        </>
      ) : null}
      {actor && landing.state === "valid" ? <p className="muted">{format(t.account.invite.signedInAs, { name: actor.name })}</p> : null}
      <NewAccountForm errors={errorTexts(t)} t={t.account} action={acceptInviteAction.bind(null, token)} locale={locale} unusable={unusable} />
    </>
  );
}

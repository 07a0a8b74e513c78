import type { Metadata } from "next";
import { canAdminister, canFacilitate } from "@/lib/permissions";
import { mayInvite } from "@/server/membership/invites";
import { messages } from "@/server/site/locale";
import { memberPage } from "@/server/membership/access";
import { getProfile, listMyApiTokens } from "@/server/membership/profile";
import { listDelegations } from "@/server/membership/delegations";
import { updateProfileAction } from "@/server/actions/account/update-profile";
import { changePasswordAction } from "@/server/actions/account/change-password";
import { createApiTokenAction } from "@/server/actions/account/create-api-token";
import { ProfileForm } from "@/components/account/profile-form";
import { PasswordForm } from "@/components/account/password-form";
import { TokenForm } from "@/components/account/token-form";
import { TokenTable } from "@/components/account/token-table";
import { NoticeSettingsForm } from "@/components/account/notice-settings-form";
import { saveNoticeSettingsAction } from "@/server/actions/account/save-notice-settings";
import { getNoticeSettings } from "@/server/notices/settings";
import { Flash } from "@/components/account/flash";
import { delegationLabel } from "@/components/account/labels";
import styles from "@/components/account/forms.module.css";
import { errorTexts } from "@/lib/i18n/codes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile" };

type Props = { searchParams: Promise<{ done?: string; error?: string }> };

export default async function ProfilePage({ searchParams }: Props) {
  const actor = await memberPage("/profile");
  const [{ t, locale }, profile, tokens, notices, { done, error }] = await Promise.all([
    messages(),
    getProfile(actor),
    listMyApiTokens(actor),
    getNoticeSettings(actor),
    searchParams,
  ]);
  // Scholars reach the invitations page from here when the site lets them invite colleagues.
  const scholarInvites = !canFacilitate(actor) && (await mayInvite(actor));
  const delegations = canAdminister(actor)
    ? (await listDelegations()).map((d) => ({ id: d.id, label: delegationLabel(d, locale) }))
    : null;
  return (
    <>
      <h1>{t.account.profile.title}</h1>
      <Flash errors={errorTexts(t)} done={done} error={error} doneTexts={{ token_revoked: t.account.tokens.revokedDone }} />
      <ProfileForm
        errors={errorTexts(t)}
        t={t.account}
        action={updateProfileAction}
        profile={profile}
        delegations={delegations}
        delegationLabel={delegationLabel(profile.delegation, locale)}
      />
      <section className={styles.section} aria-labelledby="password-title">
        <h2 id="password-title">{t.account.passwordForm.title}</h2>
        <PasswordForm errors={errorTexts(t)} t={t.account} action={changePasswordAction} hasPassword={profile.hasPassword} />
      </section>
      {scholarInvites ? (
        <p>
          <a href="/admin/invites">{t.admin.invites.title}</a>
        </p>
      ) : null}
      <section className={styles.section} aria-labelledby="notices-title" id="notices">
        <h2 id="notices-title">{t.notices.settingsTitle}</h2>
        <NoticeSettingsForm errors={errorTexts(t)} t={t.notices} action={saveNoticeSettingsAction} settings={notices} />
      </section>
      <section className={styles.section} aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t.account.tokens.title}</h2>
        <p className="muted">{t.account.tokens.intro}</p>
        <TokenForm errors={errorTexts(t)} t={t.account} action={createApiTokenAction} />
        <TokenTable t={t.account} tokens={tokens} locale={locale} />
      </section>
    </>
  );
}

import type { Metadata } from "next";
import { messages } from "@/server/site/locale";
import { staffPage } from "@/server/membership/access";
import { getSiteSettings } from "@/server/site/settings";
import { listDelegations } from "@/server/membership/delegations";
import { saveSettingsAction } from "@/server/actions/admin/save-settings";
import { AdminNav, NotAllowed } from "@/components/admin/admin-nav";
import { SettingsForm } from "@/components/admin/settings-form";
import { delegationLabel } from "@/components/account/labels";
import { errorTexts } from "@/lib/i18n/codes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const [{ actor, allowed }, { t, locale }] = await Promise.all([staffPage("/admin/settings", "admin"), messages()]);
  if (!allowed) return <NotAllowed message={t.admin.onlyAdmins} />;
  const [settings, delegations] = await Promise.all([getSiteSettings(), listDelegations()]);
  return (
    <>
      <AdminNav t={t.admin} actor={actor} current="settings" />
      <h1>{t.admin.settings.title}</h1>
      <SettingsForm
        errors={errorTexts(t)}
        t={t.admin}
        action={saveSettingsAction}
        settings={settings}
        delegations={delegations.map((d) => ({ id: d.id, label: delegationLabel(d, locale) }))}
      />
    </>
  );
}

import type { Metadata } from "next";
import { canInvite, ROLES } from "@/lib/permissions";
import { messages } from "@/server/site/locale";
import { staffPage } from "@/server/membership/access";
import { listInvites } from "@/server/membership/invites";
import { listDelegations } from "@/server/membership/delegations";
import { createInviteAction } from "@/server/actions/admin/create-invite";
import { revokeInviteAction } from "@/server/actions/admin/revoke-invite";
import { AdminNav, NotAllowed } from "@/components/admin/admin-nav";
import { InviteForm } from "@/components/admin/invite-form";
import { Flash } from "@/components/account/flash";
import { dateTime, delegationLabel } from "@/components/account/labels";
import styles from "@/components/account/forms.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitations" };

type Props = { searchParams: Promise<{ done?: string; error?: string }> };

export default async function InvitesPage({ searchParams }: Props) {
  const [{ actor, allowed }, { t, locale }] = await Promise.all([staffPage("/admin/invites", "facilitator"), messages()]);
  if (!allowed) return <NotAllowed message={t.admin.onlyFacilitators} />;
  const [invites, delegations, { done, error }] = await Promise.all([listInvites(actor), listDelegations(), searchParams]);
  const names = new Map(delegations.map((d) => [d.name, delegationLabel(d, locale)]));
  return (
    <>
      <AdminNav t={t.admin} actor={actor} current="invites" />
      <h1>{t.admin.invites.title}</h1>
      <p className="muted">{t.admin.invites.intro}</p>
      <Flash t={t.account} done={done} error={error} doneTexts={t.admin.done} />
      <InviteForm
        t={t.admin}
        roleNames={t.account.roles}
        action={createInviteAction}
        delegations={delegations.map((d) => ({ id: d.id, label: delegationLabel(d, locale) }))}
        roles={ROLES.filter((r) => canInvite(actor, r))}
      />
      <section className={styles.section} aria-labelledby="invites-list">
        <h2 id="invites-list">{t.admin.invites.list}</h2>
        {invites.length === 0 ? (
          <p className="muted">{t.admin.invites.none}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.admin.invites.delegation}</th>
                  <th scope="col">{t.admin.invites.role}</th>
                  <th scope="col">{t.admin.invites.used}</th>
                  <th scope="col">{t.admin.invites.expires}</th>
                  <th scope="col">{t.admin.invites.state}</th>
                  <th scope="col">{t.admin.invites.createdBy}</th>
                </tr>
              </thead>
              <tbody>
                {invites.map((i) => (
                  <tr key={i.id}>
                    <td>{names.get(i.delegation) ?? i.delegation}</td>
                    <td>{t.account.roles[i.role]}</td>
                    <td>
                      {i.uses} / {i.maxUses}
                    </td>
                    <td>{dateTime(i.expiresAt, locale)}</td>
                    <td>
                      <span className={styles.state}>{t.admin.invites.states[i.state]}</span>
                      {i.state === "valid" && canInvite(actor, i.role) ? (
                        <form action={revokeInviteAction} className={styles.inline}>
                          <input type="hidden" name="id" value={i.id} />
                          <button
                            type="submit"
                            className="secondary"
                            aria-label={`${t.admin.invites.revoke}: ${names.get(i.delegation) ?? i.delegation}, ${t.account.roles[i.role]}, ${dateTime(i.expiresAt, locale)}`}
                          >
                            {t.admin.invites.revoke}
                          </button>
                        </form>
                      ) : null}
                    </td>
                    <td>{i.createdBy ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

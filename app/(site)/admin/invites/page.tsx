import type { Metadata } from "next";
import { canInvite, hasRole, ROLES, type Role } from "@/lib/permissions";
import { format } from "@/lib/i18n";
import { messages } from "@/server/site/locale";
import { memberPage } from "@/server/membership/access";
import { listInvites, mayInvite } from "@/server/membership/invites";
import { listDelegations } from "@/server/membership/delegations";
import { mailEnabled } from "@/server/notices/outbox";
import { createInviteAction } from "@/server/actions/admin/create-invite";
import { emailInvitesAction } from "@/server/actions/admin/email-invites";
import { revokeInviteAction } from "@/server/actions/admin/revoke-invite";
import { AdminNav, NotAllowed } from "@/components/admin/admin-nav";
import { EmailInviteForm, InviteForm } from "@/components/admin/invite-form";
import { Flash } from "@/components/account/flash";
import { dateTime, delegationLabel } from "@/components/account/labels";
import styles from "@/components/account/forms.module.css";
import { errorTexts } from "@/lib/i18n/codes";
import { RowActionForm } from "@/components/forms/row-action-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitations" };

type Props = { searchParams: Promise<{ done?: string; error?: string }> };

/**
 * Invitations: by email (one link per address, with a name and a note) or as a link to pass on;
 * who was invited, when, by whom, and whether they joined. Facilitators see all; a scholar, when
 * the site lets scholars invite, their own, to their own delegation.
 */
export default async function InvitesPage({ searchParams }: Props) {
  const actor = await memberPage("/admin/invites");
  const { t, locale } = await messages();
  if (!(await mayInvite(actor))) return <NotAllowed message={t.admin.onlyFacilitators} />;
  const staff = hasRole(actor, "facilitator");
  const [invites, allDelegations, { done, error }] = await Promise.all([listInvites(actor), listDelegations(), searchParams]);
  const delegations = staff ? allDelegations : allDelegations.filter((d) => d.id === actor.delegationId);
  const names = new Map(allDelegations.map((d) => [d.name, delegationLabel(d, locale)]));
  const roles: Role[] = staff ? ROLES.filter((r) => canInvite(actor, r)) : ["scholar"];
  const options = delegations.map((d) => ({ id: d.id, label: delegationLabel(d, locale) }));
  const i18n = t.admin.invites;
  return (
    <>
      {staff ? <AdminNav t={t.admin} actor={actor} current="invites" /> : null}
      <h1>{i18n.title}</h1>
      <p className="muted">{staff ? i18n.intro : i18n.scholarIntro}</p>
      <Flash errors={errorTexts(t)} done={done} error={error} doneTexts={t.admin.done} />
      {mailEnabled() ? (
        <section className={styles.section} aria-labelledby="invite-by-email">
          <h2 id="invite-by-email">{i18n.byEmail}</h2>
          <EmailInviteForm errors={errorTexts(t)} t={t.admin} roleNames={t.account.roles} action={emailInvitesAction} delegations={options} roles={roles} locale={locale} />
        </section>
      ) : null}
      <section className={styles.section} aria-labelledby="invite-by-link">
        <h2 id="invite-by-link">{mailEnabled() ? i18n.byLink : i18n.create}</h2>
        <InviteForm errors={errorTexts(t)} t={t.admin} roleNames={t.account.roles} action={createInviteAction} delegations={options} roles={roles} locale={locale} />
      </section>
      <section className={styles.section} aria-labelledby="invites-list">
        <h2 id="invites-list">{i18n.list}</h2>
        {invites.length === 0 ? (
          <p className="muted">{i18n.none}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{i18n.invited}</th>
                  <th scope="col">{i18n.delegation}</th>
                  <th scope="col">{i18n.role}</th>
                  <th scope="col">{i18n.createdAt}</th>
                  <th scope="col">{i18n.expires}</th>
                  <th scope="col">{i18n.state}</th>
                  <th scope="col">{i18n.actions}</th>
                </tr>
              </thead>
              <tbody>
                {invites.map((i) => {
                  const who = i.email ? (i.name ? `${i.name} <${i.email}>` : i.email) : `${i18n.link} (${i.uses} / ${i.maxUses})`;
                  const status = i.joinedBy && (i.state === "used_up" || i.maxUses === 1) ? format(i18n.joined, { name: i.joinedBy }) : i18n.states[i.state];
                  return (
                    <tr key={i.id}>
                      <td>{who}</td>
                      <td>{names.get(i.delegation) ?? i.delegation}</td>
                      <td>{t.account.roles[i.role]}</td>
                      <td>
                        {dateTime(i.createdAt, locale)}
                        {i.createdBy ? <span className="muted"> · {i.createdBy}</span> : null}
                      </td>
                      <td>{dateTime(i.expiresAt, locale)}</td>
                      <td>
                        <span className={styles.state}>{status}</span>
                      </td>
                      <td>
                        {i.state === "valid" && (staff ? canInvite(actor, i.role) : true) ? (
                          <RowActionForm
                            action={revokeInviteAction}
                            className={styles.inline}
                            fields={{ id: i.id }}
                            label={i18n.revoke}
                            describedAs={`${i18n.revoke}: ${who}, ${t.account.roles[i.role]}, ${dateTime(i.createdAt, locale)}`}
                          />
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

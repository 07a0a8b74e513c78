import type { Metadata } from "next";
import { format } from "@/lib/i18n";
import { ROLES } from "@/lib/permissions";
import { messages } from "@/server/site/locale";
import { staffPage } from "@/server/membership/access";
import { listMembers } from "@/server/membership/members";
import { setMemberRoleAction } from "@/server/actions/admin/set-member-role";
import { setMemberDisabledAction } from "@/server/actions/admin/set-member-disabled";
import { AdminNav, NotAllowed } from "@/components/admin/admin-nav";
import { Flash } from "@/components/account/flash";
import styles from "@/components/account/forms.module.css";
import { errorTexts } from "@/lib/i18n/codes";
import { RowActionForm } from "@/components/forms/row-action-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members" };

type Props = { searchParams: Promise<{ done?: string; error?: string }> };

/** Admins set roles and disable accounts; plain forms, one per action (work without JavaScript). */
export default async function MembersPage({ searchParams }: Props) {
  const [{ actor, allowed }, { t }] = await Promise.all([staffPage("/admin/members", "admin"), messages()]);
  if (!allowed) return <NotAllowed message={t.admin.onlyAdmins} />;
  const [members, { done, error }] = await Promise.all([listMembers(actor), searchParams]);
  const m = t.admin.members;
  return (
    <>
      <AdminNav t={t.admin} actor={actor} current="members" />
      <h1>{m.title}</h1>
      <Flash errors={errorTexts(t)} done={done} error={error} doneTexts={t.admin.done} />
      {members.length === 0 ? (
        <p className="muted">{m.none}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{m.name}</th>
                <th scope="col">{m.delegation}</th>
                <th scope="col">{m.role}</th>
                <th scope="col">{m.status}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((u) => {
                const self = u.id === actor.id;
                return (
                  <tr key={u.id} data-email={u.email}>
                    <td>
                      {u.name} {self ? <span className="muted">{m.you}</span> : null}
                      <br />
                      <small className="muted">{u.email}</small>
                    </td>
                    <td>{u.delegation ?? "—"}</td>
                    <td>
                      {self ? (
                        t.account.roles[u.role]
                      ) : (
                        <form action={setMemberRoleAction} className={styles.inline}>
                          <input type="hidden" name="userId" value={u.id} />
                          <select name="role" defaultValue={u.role} aria-label={format(m.roleOf, { name: u.name })}>
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {t.account.roles[r]}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="secondary" aria-label={`${m.saveRole}: ${u.name}`}>
                            {m.saveRole}
                          </button>
                        </form>
                      )}
                    </td>
                    <td>
                      <span className={styles.state}>{u.disabled ? m.disabled : m.active}</span>
                      {self ? null : (
                        <RowActionForm
                          action={setMemberDisabledAction}
                          className={styles.inline}
                          fields={{ userId: u.id, disabled: u.disabled ? "false" : "true" }}
                          label={u.disabled ? m.enable : m.disable}
                          describedAs={`${u.disabled ? m.enable : m.disable}: ${u.name}`}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { messages } from "@/server/site/locale";
import { staffPage } from "@/server/membership/access";
import { listDelegations } from "@/server/membership/delegations";
import { saveDelegationAction } from "@/server/actions/admin/save-delegation";
import { AdminNav, NotAllowed } from "@/components/admin/admin-nav";
import { DelegationForm } from "@/components/admin/delegation-form";
import styles from "@/components/account/forms.module.css";
import { errorTexts } from "@/lib/i18n/codes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Delegations" };

export default async function DelegationsPage() {
  const [{ actor, allowed }, { t }] = await Promise.all([staffPage("/admin/delegations", "admin"), messages()]);
  if (!allowed) return <NotAllowed message={t.admin.onlyAdmins} />;
  const delegations = await listDelegations();
  const d = t.admin.delegations;
  return (
    <>
      <AdminNav t={t.admin} actor={actor} current="delegations" />
      <h1>{d.title}</h1>
      <ul className={styles.cards}>
        {delegations.map((x) => (
          <li key={x.id} className="card">
            <h2 style={{ marginTop: 0 }}>
              {x.name}
              {x.nameZh ? <span lang="zh-Hans"> · {x.nameZh}</span> : null}
            </h2>
            <p className="muted">
              {d.members}: {x.members}
            </p>
            <DelegationForm errors={errorTexts(t)} t={t.admin} action={saveDelegationAction} delegation={x} />
          </li>
        ))}
      </ul>
      <section className={styles.section} aria-labelledby="add-delegation">
        <h2 id="add-delegation">{d.add}</h2>
        <DelegationForm errors={errorTexts(t)} t={t.admin} action={saveDelegationAction} />
      </section>
    </>
  );
}

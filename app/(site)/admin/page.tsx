import type { Metadata } from "next";
import Link from "next/link";
import { messages } from "@/server/site/locale";
import { staffPage } from "@/server/membership/access";
import { NotAllowed, adminSections } from "@/components/admin/admin-nav";
import styles from "@/components/account/forms.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const [{ actor, allowed }, { t }] = await Promise.all([staffPage("/admin", "facilitator"), messages()]);
  if (!allowed) return <NotAllowed message={t.admin.onlyFacilitators} />;
  return (
    <>
      <h1>{t.admin.title}</h1>
      <ul className={styles.cards}>
        {adminSections(actor).map((s) => (
          <li key={s.key} className="card">
            <h2 style={{ marginTop: 0 }}>
              <Link href={s.href}>{t.admin.sections[s.key]}</Link>
            </h2>
            <p className="muted">{t.admin.sectionHints[s.key]}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

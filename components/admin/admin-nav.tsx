import Link from "next/link";
import type { Messages } from "@/lib/i18n";
import { canAdminister, type Actor } from "@/lib/permissions";

/** The administration sections this member may open. */
export function adminSections(actor: Actor | null) {
  const all = [
    { key: "invites", href: "/admin/invites", admin: false },
    { key: "members", href: "/admin/members", admin: true },
    { key: "settings", href: "/admin/settings", admin: true },
    { key: "delegations", href: "/admin/delegations", admin: true },
  ] as const;
  return all.filter((s) => !s.admin || canAdminister(actor));
}

export function AdminNav({ t, actor, current }: { t: Messages["admin"]; actor: Actor; current: string }) {
  return (
    <nav aria-label={t.title}>
      <ul className="admin-nav" style={{ display: "flex", flexWrap: "wrap", gap: "0.25rem 1rem", listStyle: "none", padding: 0, margin: "0 0 1rem" }}>
        <li>
          <Link href="/admin" aria-current={current === "index" ? "page" : undefined}>
            {t.title}
          </Link>
        </li>
        {adminSections(actor).map((s) => (
          <li key={s.key}>
            <Link href={s.href} aria-current={current === s.key ? "page" : undefined}>
              {t.sections[s.key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function NotAllowed({ message }: { message: string }) {
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}

import Link from "next/link";
import { messages } from "@/server/site/locale";
import { currentActor } from "@/server/auth/request";
import { listAudit } from "@/server/site/audit";
import { Refusal, requirePageRole } from "@/components/facilitation/access";
import { AuditTable } from "@/components/facilitation/audit-table";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const [{ t, locale }, actor, { before }] = await Promise.all([messages(), currentActor(), searchParams]);
  if (!requirePageRole(actor, "admin", "/admin/audit")) return <Refusal t={t} />;
  const cursor = before && /^\d+$/.test(before) ? Number(before) : undefined;
  const { entries, next } = await listAudit(actor, { before: cursor });
  const a = t.facilitation.audit;
  return (
    <article>
      <h1>{a.title}</h1>
      <p className="muted">{a.intro}</p>
      {entries.length === 0 ? <p>{a.empty}</p> : <AuditTable entries={entries} t={t} locale={locale} />}
      {next ? (
        <p>
          <Link href={`/admin/audit?before=${next}`}>{a.older}</Link>
        </p>
      ) : null}
    </article>
  );
}

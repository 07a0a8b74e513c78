import Link from "next/link";
import type { Locale, Messages } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/dates";
import { auditInWords } from "@/lib/audit/describe";
import type { AuditEntryView } from "@/server/site/audit";

/**
 * The audit log as a table, in words (lib/audit/describe.ts): who, what, on which term (its
 * headword linked) or member, when, and what changed. The recorded data stays one fold away for
 * admins who need it, as text (never as HTML).
 */
export function AuditTable({ entries, t, locale }: { entries: AuditEntryView[]; t: Messages; locale: Locale }) {
  const a = t.facilitation.audit;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={a.title}>
      <table>
        <thead>
          <tr>
            <th scope="col">{a.when}</th>
            <th scope="col">{a.who}</th>
            <th scope="col">{a.action}</th>
            <th scope="col">{a.entity}</th>
            <th scope="col">{t.audit.details}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const words = auditInWords(e, t, locale);
            return (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
                </td>
                <td>{words.who}</td>
                <td>{words.what}</td>
                <td>
                  <Subject e={e} t={t} />
                </td>
                <td>
                  {words.details}
                  {e.before !== null || e.after !== null ? (
                    <details>
                      <summary>{t.audit.raw}</summary>
                      <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0 }}>
                        {JSON.stringify(e.before, null, 1)}
                        {"\n→\n"}
                        {JSON.stringify(e.after, null, 1)}
                      </pre>
                    </details>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Subject({ e, t }: { e: AuditEntryView; t: Messages }) {
  const other = e.subject ?? (e.entityType === "setting" ? t.audit.site : e.entityType === "invite" ? t.audit.invitation : null);
  return (
    <>
      {e.term ? <Link href={`/terms/${e.term.slug}`}>{e.term.headword}</Link> : null}
      {e.term && e.subject ? " · " : null}
      {e.term && e.subject ? <span lang="zh-Hans">{e.subject}</span> : e.term ? null : other}
    </>
  );
}

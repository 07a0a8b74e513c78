import type { Locale, Messages } from "@/lib/i18n";
import type { AuditEntryView } from "@/server/site/audit";

/** The audit log as a table; before and after are shown as JSON text (never as HTML). */
export function AuditTable({ entries, t, locale }: { entries: AuditEntryView[]; t: Messages["facilitation"]["audit"]; locale: Locale }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t.title}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.who}</th>
            <th scope="col">{t.action}</th>
            <th scope="col">{t.entity}</th>
            <th scope="col">{t.change}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.at}>{new Date(e.at).toLocaleString(locale === "zh" ? "zh-CN" : "en-GB", { timeZone: "UTC" })}</time>
              </td>
              <td>{e.actor ? `${e.actor.name} (${e.actor.role})` : t.system}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.entityType} <code>{e.entityId}</code>
              </td>
              <td>
                <details>
                  <summary>JSON</summary>
                  <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0 }}>
                    {JSON.stringify(e.before, null, 1)}
                    {"\n→\n"}
                    {JSON.stringify(e.after, null, 1)}
                  </pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

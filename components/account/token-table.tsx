import type { Locale, Messages } from "@/lib/i18n";
import { revokeApiTokenAction } from "@/server/actions/account/revoke-api-token";
import { dateTime } from "./labels";
import { RowActionForm } from "@/components/forms/row-action-form";

type Token = { id: string; label: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** The member's tokens; revoking is a plain form (works without JavaScript). */
export function TokenTable({ t, tokens, locale }: { t: Messages["account"]; tokens: Token[]; locale: Locale }) {
  if (tokens.length === 0) return <p className="muted">{t.tokens.none}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption className="muted">{t.tokens.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.tokens.label}</th>
            <th scope="col">{t.tokens.prefix}</th>
            <th scope="col">{t.tokens.createdAt}</th>
            <th scope="col">{t.tokens.lastUsed}</th>
            <th scope="col">{t.tokens.status}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <td>{token.label || "—"}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>{dateTime(token.createdAt, locale)}</td>
              <td>{token.lastUsedAt ? dateTime(token.lastUsedAt, locale) : t.tokens.never}</td>
              <td>
                {token.revokedAt ? (
                  t.tokens.revokedState
                ) : (
                  <RowActionForm action={revokeApiTokenAction} fields={{ id: token.id }} label={t.tokens.revoke} describedAs={`${t.tokens.revoke} ${token.label || token.prefix}`} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

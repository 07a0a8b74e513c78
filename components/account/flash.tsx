import type { Messages } from "@/lib/i18n";

/**
 * The message after a one-button form (revoke, disable, set role), which comes back to its
 * page with `?done=<what>` or `?error=<reason or code>`.
 */
export function Flash({ t, done, error, doneTexts }: { t: Messages["account"]; done?: string; error?: string; doneTexts: Record<string, string> }) {
  if (error) {
    const reasons = t.reasons as Record<string, string>;
    const codes = t.codes as Record<string, string>;
    return (
      <p className="error" role="alert">
        {reasons[error] ?? codes[error] ?? t.codes.generic}
      </p>
    );
  }
  if (done && doneTexts[done]) {
    return (
      <p className="success" role="status">
        {doneTexts[done]}
      </p>
    );
  }
  return null;
}

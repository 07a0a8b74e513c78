import { codeText, type ErrorTexts } from "@/lib/i18n/codes";

/**
 * The message after a one-button form (revoke, disable, set role), which comes back to its
 * page with `?done=<what>` or `?error=<reason or code>`.
 */
export function Flash({ errors, done, error, doneTexts }: { errors: ErrorTexts; done?: string; error?: string; doneTexts: Record<string, string> }) {
  if (error) {
    return (
      <p className="error" role="alert">
        {Object.prototype.hasOwnProperty.call(errors, error) ? codeText(errors, error) : codeText(errors, "internal")}
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

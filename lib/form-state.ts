/**
 * What a server action returns to its form (server/actions/form-action.ts): the outcome, the
 * refused fields in codes, and the values as typed (never a password), so the form shows them
 * again (with or without JavaScript) and the reader never loses input.
 */
export type FormState<R = Record<string, string>> = {
  status: "idle" | "ok" | "error";
  /** An AppError code (lib/errors.ts), or "internal" for anything unexpected. */
  error?: string;
  /** A more precise reason given by the service ("duplicate", "email_taken", ...). */
  reason?: string;
  /** Field → message codes ("reason_required"); the form translates them (lib/i18n/codes.ts). */
  fields?: Record<string, string[]>;
  values?: Record<string, string>;
  /** For a refused duplicate: the rendering to grade instead (null when it was removed). */
  existing?: { id: string; text: string } | null;
  /** What the action made or changed, for the success message. */
  result?: R;
  /** Changes on every submission, so a form can tell two identical outcomes apart. */
  at?: number;
};

/** Before the first submission; fits a form of any result. */
export const IDLE: FormState<never> = { status: "idle" };

/** The string fields of a submitted form, as typed. */
export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, typeof form.get(n) === "string" ? (form.get(n) as string) : ""]));
}

/** The values without the fields never echoed back to the page (passwords). */
export function withoutSecrets(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !/password|current/i.test(k)));
}

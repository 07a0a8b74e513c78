/**
 * What a server action returns to its form: the outcome, the refused fields as message codes,
 * and the values as typed, so the form shows them again (with or without JavaScript) and the
 * reader never loses input.
 */
export type FormState = {
  status: "idle" | "ok" | "error";
  /** An AppError code (lib/errors.ts), or "internal". */
  error?: string;
  /** A more precise reason given by the service ("duplicate", "graded_by_others", ...). */
  reason?: string;
  /** Field → message codes. */
  fields?: Record<string, string[]>;
  values?: Record<string, string>;
  /** For a refused duplicate: the rendering to grade instead (null when it was removed). */
  existing?: { id: string; text: string } | null;
  /** What the action made or changed, for the success message. */
  result?: Record<string, string>;
  /** Changes on every submission, so a form can tell two identical outcomes apart. */
  at?: number;
};

export const IDLE: FormState = { status: "idle" };

/** The text of a message code from a dictionary of codes, or the code itself when unknown. */
export function messageOf(dict: Record<string, string>, code: string): string {
  return Object.prototype.hasOwnProperty.call(dict, code) ? dict[code]! : code;
}

/** The string fields of a submitted form, as typed. */
export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, typeof form.get(n) === "string" ? (form.get(n) as string) : ""]));
}

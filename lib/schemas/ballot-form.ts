/**
 * The parts of the ballot's rules the form needs on first load, without zod: limits, messages,
 * reading the form. The schema itself (lib/schemas/ballot.ts) is loaded by the form only when a
 * member submits (components/forms/browser-checks.ts), so readers never download zod.
 */

export const NOTE_MAX = 500;
export const REASON_MAX = 1000;
/** More keys than any term has renderings: a guard against oversized input, not a domain rule. */
export const GRADES_MAX = 200;

/**
 * Every code the ballot's schema and service put on a field (texts: ballot.form.errors in the
 * interface messages, English ones in the API's answers).
 */
export const BALLOT_ERROR_CODES = ["unknown_grade", "reason_required", "reject_reason_too_long", "note_too_long", "too_many_grades", "unknown_rendering"] as const;
export type BallotErrorCode = (typeof BALLOT_ERROR_CODES)[number];

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/**
 * The form posts `grades.<renderingId>` (a grade, or "" for no opinion), `reasons.<renderingId>`
 * and `note`: the same keys as the per-field errors, so an error lands beside its field.
 */
export function ballotInputFromForm(form: Iterable<[string, FormDataEntryValue]>): unknown {
  const grades: Record<string, string> = {};
  const reasons: Record<string, string> = {};
  let note = "";
  for (const [name, value] of form) {
    if (typeof value !== "string") continue;
    if (name.startsWith("grades.") && value !== "") grades[name.slice(7)] = value;
    else if (name.startsWith("reasons.") && value.trim() !== "") reasons[name.slice(8)] = value;
    else if (name === "note") note = value;
  }
  return { grades, reasons, note };
}

/**
 * What the ballot form shows after a save: the values to show again (the stored ones after a
 * success, what was typed after a failure, so nothing is lost) and per-field errors.
 */
export type BallotFormState = {
  status: "idle" | "saved" | "error";
  values: { grades: Record<string, string>; reasons: Record<string, string>; note: string };
  fields: Record<string, string[]>;
  /** The error's code (AppError codes, or "internal" for anything unexpected). */
  error?: string;
  revision: number;
};

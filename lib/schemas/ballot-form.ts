import { GRADES } from "@/lib/tally/grades";

/**
 * The parts of the ballot's rules the form needs on first load, without zod: limits, messages,
 * reading the form. The schema itself (lib/schemas/ballot.ts) is loaded by the form only when a
 * member submits (components/forms/browser-checks.ts), so readers never download zod.
 */

export const NOTE_MAX = 500;
export const REASON_MAX = 1000;
/** More keys than any term has renderings: a guard against oversized input, not a domain rule. */
export const GRADES_MAX = 200;

/** English messages of the API; the form shows the translation of the same key (see errorKeyOf). */
export const BALLOT_ERRORS = {
  unknownGrade: `Not a grade. Use one of: ${GRADES.join(", ")} (or leave the rendering out for no opinion).`,
  reasonRequired: "A reject needs a reason: say why you cannot live with this rendering.",
  reasonTooLong: `Keep the reason under ${REASON_MAX} characters.`,
  noteTooLong: `Keep the note under ${NOTE_MAX} characters.`,
  tooManyGrades: `At most ${GRADES_MAX} renderings per ballot.`,
  unknownRendering: "Not an open rendering of this term.",
} as const;
export type BallotErrorKey = keyof typeof BALLOT_ERRORS;

export function errorKeyOf(message: string): BallotErrorKey | null {
  const entry = Object.entries(BALLOT_ERRORS).find(([, text]) => text === message);
  return entry ? (entry[0] as BallotErrorKey) : null;
}

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
  /** The error's code (AppError codes, or "generic" for anything unexpected). */
  error?: string;
  revision: number;
};

import { z } from "zod";
import { GRADES, type Grade } from "@/lib/tally/grades";

/**
 * A scholar's ballot on one term, as sent by the form and by `PUT /api/terms/{slug}/ballot`.
 * One schema for both: the form runs it before sending, the server runs it again and is the
 * authority. Whether each rendering id belongs to the term is checked by the service, which
 * knows the term; everything that can be checked from the input alone is checked here.
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

const gradeSchema = z.enum(GRADES, { error: () => BALLOT_ERRORS.unknownGrade });
const renderingId = z.string().min(1).max(100);

export const ballotInputSchema = z
  .object({
    grades: z
      .record(renderingId, gradeSchema)
      .refine((g) => Object.keys(g).length <= GRADES_MAX, { error: BALLOT_ERRORS.tooManyGrades }),
    reasons: z.record(renderingId, z.string().max(REASON_MAX, { error: BALLOT_ERRORS.reasonTooLong })).default({}),
    note: z.string().max(NOTE_MAX, { error: BALLOT_ERRORS.noteTooLong }).default(""),
  })
  .superRefine(
    (input, ctx) => {
      // Also runs when other fields failed (see `when`), so every error shows at once: the
      // input may then be malformed, hence the guards.
      const grades = isRecord(input.grades) ? input.grades : {};
      const reasons: Record<string, unknown> = isRecord(input.reasons) ? input.reasons : {};
      for (const [id, grade] of Object.entries(grades)) {
        const reason = reasons[id];
        if (grade === "reject" && !(typeof reason === "string" && reason.trim()))
          ctx.addIssue({ code: "custom", path: ["reasons", id], message: BALLOT_ERRORS.reasonRequired });
      }
    },
    { when: (payload) => isRecord(payload.value) },
  )
  // Only reasons for rejects are kept: a reason beside another grade is not a reject reason,
  // and the ballot should not carry text nobody will see.
  .transform(({ grades, reasons, note }) => ({
    grades: { ...grades } as Record<string, Grade>,
    reasons: Object.fromEntries(
      Object.entries(grades).flatMap(([id, grade]) => (grade === "reject" ? [[id, reasons[id]!.trim()]] : [])),
    ) as Record<string, string>,
    note: note.trim(),
  }));

export type BallotInput = z.output<typeof ballotInputSchema>;

function isRecord(x: unknown): x is Record<string, unknown> {
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

/** A ballot as the API returns it; revision 0 and updatedAt null mean "not cast yet". */
export const ballotViewSchema = z.object({
  term: z.string(),
  /** The caller's pseudonym in the term's anonymized export (GET /api/terms/{slug}/ballots). */
  voter: z.string(),
  grades: z.record(z.string(), z.enum(GRADES)),
  reasons: z.record(z.string(), z.string()),
  note: z.string(),
  revision: z.number().int().nonnegative(),
  updatedAt: z.string().nullable(),
});
export type BallotView = z.infer<typeof ballotViewSchema>;

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

import { z } from "@/lib/zod";
import { GRADES, type Grade } from "@/lib/tally/grades";
import { GRADES_MAX, NOTE_MAX, REASON_MAX, isRecord } from "@/lib/schemas/ballot-form";

export { BALLOT_ERROR_CODES, GRADES_MAX, NOTE_MAX, REASON_MAX, ballotInputFromForm } from "@/lib/schemas/ballot-form";
export type { BallotErrorCode, BallotFormState } from "@/lib/schemas/ballot-form";

/**
 * A scholar's ballot on one term, as sent by the form and by `PUT /api/terms/{slug}/ballot`.
 * One schema for both: the form runs it before sending, the server runs it again and is the
 * authority. Whether each rendering id belongs to the term is checked by the service, which
 * knows the term; everything that can be checked from the input alone is checked here.
 */

const gradeSchema = z.enum(GRADES, { error: () => "unknown_grade" });
const renderingId = z.string().min(1).max(100);

export const ballotInputSchema = z
  .object({
    grades: z
      .record(renderingId, gradeSchema)
      .refine((g) => Object.keys(g).length <= GRADES_MAX, { error: "too_many_grades" }),
    reasons: z.record(renderingId, z.string().max(REASON_MAX, { error: "reject_reason_too_long" })).default({}),
    note: z.string().max(NOTE_MAX, { error: "note_too_long" }).default(""),
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
          ctx.addIssue({ code: "custom", path: ["reasons", id], message: "reason_required" });
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

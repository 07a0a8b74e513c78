import { z } from "@/lib/zod";
import { stageSchema } from "@/lib/schemas/term";
import { languageTagSchema } from "@/lib/schemas/records";

/**
 * What facilitators submit to create and edit terms and to move them between stages, shared by
 * the facilitator forms and the server. Messages are codes (`facilitation.errors.<code>`).
 */

const text = (max: number, code: string) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, code));

/** BCP 47 language tag (zh-Hans, zh-Hant, en, fr-CA), well-formed, in its canonical case. */
const languageTag = languageTagSchema;

/** Long enough for the seed's "TBM (trust building mechanism)" (an abbreviation with its expansion). */
export const ABBREVIATION_MAX = 40;

/** The fields of a term, each as given (no defaults: an edit changes only what it names). */
const termFields = {
  headword: z
    .string({ error: "headword_required" })
    .trim()
    .min(1, "headword_required")
    .max(200, "headword_too_long"),
  /** Empty clears it. */
  abbreviation: text(ABBREVIATION_MAX, "abbreviation_too_long").transform((v) => v || null),
  definition: text(4000, "definition_too_long"),
  context: text(4000, "context_too_long"),
  note: text(4000, "term_note_too_long"),
  /** The same three in the target language (a Chinese definition of an English concept). */
  definitionTarget: text(4000, "definition_too_long"),
  contextTarget: text(4000, "context_too_long"),
  noteTarget: text(4000, "term_note_too_long"),
  source: text(1000, "source_too_long"),
  subjectField: text(200, "subject_field_too_long"),
  sourceLang: languageTag,
  targetLang: languageTag,
};

/** POST /api/terms. The slug is derived from the headword when left empty. */
export const createTermSchema = z.object({
  ...termFields,
  abbreviation: termFields.abbreviation.optional(),
  definition: termFields.definition.default(""),
  context: termFields.context.default(""),
  note: termFields.note.default(""),
  definitionTarget: termFields.definitionTarget.default(""),
  contextTarget: termFields.contextTarget.default(""),
  noteTarget: termFields.noteTarget.default(""),
  source: termFields.source.default(""),
  subjectField: termFields.subjectField.default(""),
  sourceLang: termFields.sourceLang.default("en"),
  targetLang: termFields.targetLang.default("zh-Hans"),
  slug: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(
      z
        .string()
        .max(80, "slug_invalid")
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug_invalid")
        .optional(),
    ),
});
export type CreateTermInput = z.input<typeof createTermSchema>;
export type CreateTerm = z.output<typeof createTermSchema>;

/** PATCH /api/terms/{slug}: any subset of the fields (the slug stays: links to it must not break). */
export const editTermSchema = z.object(termFields).partial();
export type EditTerm = z.output<typeof editTermSchema>;

/** POST /api/terms/{slug}/stage. A deadline only makes sense for a consultation. */
export const moveStageSchema = z
  .object({
    stage: stageSchema,
    deadline: z
      .union([z.iso.datetime({ offset: true, local: true }), z.literal(""), z.null()])
      .optional()
      .transform((v) => (v ? deadlineDate(v) : null)),
    /** A step back (to draft, or to consultation from a later stage) must say it is meant. */
    confirmBack: z
      .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("")])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
  })
  .refine((v) => v.deadline === null || v.stage === "consultation", { message: "deadline_only_consultation", path: ["deadline"] });
export type MoveStage = z.output<typeof moveStageSchema>;

/** A datetime without an offset (from <input type="datetime-local">) is read as UTC, as the page shows it. */
function deadlineDate(v: string): Date {
  return new Date(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}Z`);
}

/** A readable slug from a headword: "Consociational Security Order" → consociational-security-order. */
export function slugFromHeadword(headword: string): string {
  return headword
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

export const TERM_ERROR_CODES = [
  "slug_invalid",
  "slug_required",
  "slug_taken",
  "headword_required",
  "headword_too_long",
  "abbreviation_too_long",
  "definition_too_long",
  "context_too_long",
  "term_note_too_long",
  "source_too_long",
  "subject_field_too_long",
  "language_invalid",
  "deadline_only_consultation",
  // From the services (server/terms/admin.ts, server/deliberation/merge.ts, server/deliberation/moderation.ts):
  "deadline_past",
  "publish_needs_decision",
  "move_not_allowed",
  "has_ballots",
  "into_required",
  "merge_into_self",
  "merge_other_term",
  "reason_too_long",
] as const;

import { z } from "@/lib/zod";
import { regionSchema, synonymClassSchema } from "@/lib/schemas/records";

import { STAGES, type Stage } from "@/lib/term-stages";

export { STAGES, type Stage };
export const stageSchema = z.enum(STAGES);

export const RENDERING_STATUSES = ["active", "withdrawn", "merged", "hidden"] as const;

export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase letters, digits and single hyphens");

const renderingRef = z.object({ id: z.string(), text: z.string() });

/** A term in the lexicon list (GET /api/terms). */
export const termSummarySchema = z.object({
  slug: slugSchema,
  headword: z.string(),
  abbreviation: z.string().nullable(),
  stage: stageSchema,
  sourceLang: z.string(),
  targetLang: z.string(),
  deadline: z.string().nullable(),
  renderingCount: z.number().int().nonnegative(),
  ballotCount: z.number().int().nonnegative(),
  /** First in the ranking, once there are ballots. */
  leader: renderingRef.nullable(),
  consensus: renderingRef.nullable(),
  /** The decision in force (a published term): its 正名 and the forms adopted per region. */
  decided: z
    .object({
      standard: renderingRef.extend({ synonymClass: synonymClassSchema.nullable() }),
      regional: z.array(renderingRef.extend({ region: regionSchema })),
    })
    .nullable(),
});
export type TermSummary = z.infer<typeof termSummarySchema>;

export const renderingSchema = z.object({
  id: z.string(),
  text: z.string(),
  traditional: z.string(),
  pinyin: z.string(),
  gloss: z.string(),
  rationale: z.string(),
  region: regionSchema.nullable().describe("Where it is used (TBX geographicalUsage); null: wherever the target language is"),
  synonymClass: synonymClassSchema.nullable().describe("The class its proposer suggests; the decision in force says which stands"),
  status: z.enum(RENDERING_STATUSES),
  proposer: z.object({ name: z.string(), delegation: z.string().nullable(), delegationZh: z.string().nullable().describe("The delegation's Chinese name, when it has one.") }).nullable(),
  proposerLabel: z.string(),
  createdAt: z.string(),
});
export type RenderingView = z.infer<typeof renderingSchema>;

/** Definition, context and note in the source language and in the target language (issue 14). */
export const bilingualFieldsSchema = z.object({
  definition: z.string().describe("Definition in the source language (sourceLang; CSV column definition)"),
  context: z.string().describe("Context in the source language (CSV column context)"),
  note: z.string().describe("Note in the source language (CSV column term_note)"),
  definitionTarget: z.string().describe("Definition in the target language (targetLang; CSV column definition_target)"),
  contextTarget: z.string().describe("Context in the target language (CSV column context_target)"),
  noteTarget: z.string().describe("Note in the target language (CSV column term_note_target)"),
});

/** One term with its candidate renderings (GET /api/terms/{slug}). */
export const termDetailSchema = termSummarySchema.extend({
  ...bilingualFieldsSchema.shape,
  source: z.string(),
  subjectField: z.string(),
  renderings: z.array(renderingSchema),
});
export type TermDetail = z.infer<typeof termDetailSchema>;

/** A term's own fields as facilitators edit them (POST /api/terms, PATCH /api/terms/{slug}, stage moves). */
export const termRecordSchema = z.object({
  slug: slugSchema,
  headword: z.string(),
  abbreviation: z.string().nullable(),
  ...bilingualFieldsSchema.shape,
  source: z.string(),
  subjectField: z.string(),
  stage: stageSchema,
  sourceLang: z.string(),
  targetLang: z.string(),
  deadline: z.string().nullable().describe("End of the consultation (ISO 8601), if one is set."),
});
export type TermRecord = z.infer<typeof termRecordSchema>;

export const termListSchema = z.object({ terms: z.array(termSummarySchema) });

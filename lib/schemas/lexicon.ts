import { z } from "@/lib/zod";
import { bilingualFieldsSchema, stageSchema } from "@/lib/schemas/term";
import { regionSchema, synonymClassSchema } from "@/lib/schemas/records";

/**
 * The exported lexicon (GET /api/lexicon.json, /api/terms/{slug}/export.json), and the model
 * that the TBX and CSV serializers (lib/export/) read. Only what a reader may see: no hidden,
 * withdrawn or merged renderings (except those a decision names as deprecated), no ballots.
 */

/**
 * A designation's standing: from the term's current decision (TBX administrativeStatus
 * preferredTerm / admittedTerm / deprecatedTerm), or `candidate` while no decision stands.
 */
export const DESIGNATION_STATUSES = ["preferred", "admitted", "deprecated", "candidate"] as const;
export const designationStatusSchema = z.enum(DESIGNATION_STATUSES);
export type DesignationStatus = z.infer<typeof designationStatusSchema>;

export const exportRenderingSchema = z.object({
  id: z.string(),
  text: z.string().describe("The rendering as written, never converted (in the term's target language: zh-Hans, zh-Hant…)"),
  traditional: z.string().describe("Traditional form, derived by conversion: a suggestion, never the written form"),
  pinyin: z.string().describe("Hanyu Pinyin with tone marks"),
  gloss: z.string().describe("Literal back-gloss in English"),
  rationale: z.string().describe("Why its proposer offered it (CSV column rationale)"),
  status: designationStatusSchema.describe("From the decision in force: preferred (正名, and adopted regional variants), admitted (又称), deprecated; candidate while none (CSV column status)"),
  synonymClass: synonymClassSchema
    .nullable()
    .describe("From the decision in force (standard 正名, alternative 又称, short 简称, full 全称, common 俗称, former 曾称); while none, the proposer's suggestion (CSV column synonym_class; TBX administrativeStatus and termType)"),
  region: regionSchema.nullable().describe("Usage region, null for everywhere (CSV column region; TBX geographicalUsage)"),
});
export type ExportRendering = z.infer<typeof exportRenderingSchema>;

export const exportDecisionSchema = z
  .object({
    id: z.string(),
    decidedAt: z.string().describe("ISO 8601 (CSV column decided_at)"),
    decidedBy: z.string().describe("The name of the facilitator who recorded it (CSV column decided_by)"),
    statementEn: z.string().describe("The decision's statement in English (CSV column statement_en)"),
    statementZh: z.string().describe("The decision's statement in Chinese (CSV column statement_zh)"),
  })
  .describe("The decision in force; the CSV repeats its fields on each row of the term");
export type ExportDecision = z.infer<typeof exportDecisionSchema>;

export const lexiconEntrySchema = z.object({
  slug: z.string(),
  headword: z.string(),
  abbreviation: z.string().nullable(),
  ...bilingualFieldsSchema.shape,
  source: z.string(),
  subjectField: z.string(),
  sourceLang: z.string(),
  targetLang: z.string(),
  stage: stageSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The decision in force (a published term); null while the term is open or was reopened. */
  decision: exportDecisionSchema.nullable(),
  renderings: z.array(exportRenderingSchema),
});
export type LexiconEntry = z.infer<typeof lexiconEntrySchema>;

/** Said of every rendering of a term that has no decision in force. */
export const CANDIDATE_NOTE = "Candidate rendering: no decision has been recorded for this term yet.";

export const LEXICON_FORMAT = "gongshang-lexicon";

export const lexiconExportSchema = z.object({
  format: z.literal(LEXICON_FORMAT),
  version: z.literal(1),
  title: z.string(),
  generatedAt: z.string(),
  entries: z.array(lexiconEntrySchema),
});
export type LexiconExport = z.infer<typeof lexiconExportSchema>;

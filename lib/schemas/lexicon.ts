import { z } from "@/lib/zod";
import { stageSchema } from "@/lib/schemas/term";

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
  text: z.string().describe("The rendering as written (Simplified Chinese)"),
  traditional: z.string().describe("Traditional form, derived"),
  pinyin: z.string().describe("Hanyu Pinyin with tone marks"),
  gloss: z.string().describe("Literal back-gloss in English"),
  rationale: z.string(),
  status: designationStatusSchema,
});
export type ExportRendering = z.infer<typeof exportRenderingSchema>;

export const exportDecisionSchema = z.object({
  id: z.string(),
  decidedAt: z.string(),
  decidedBy: z.string(),
  statementEn: z.string(),
  statementZh: z.string(),
});
export type ExportDecision = z.infer<typeof exportDecisionSchema>;

export const lexiconEntrySchema = z.object({
  slug: z.string(),
  headword: z.string(),
  abbreviation: z.string().nullable(),
  definition: z.string(),
  context: z.string(),
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

import { z } from "@/lib/zod";
import { storedResultsSchema } from "@/lib/tally";

/**
 * Recording a decision (POST /api/terms/{slug}/decision and the decide form): the adopted
 * rendering (正名), admitted alternatives (又称), deprecated ones, and a statement in both
 * languages. The three sets are disjoint; the server also checks they belong to the term.
 */
const id = z.string().trim().min(1).max(64);
const ids = z
  .union([z.array(id), id])
  .optional()
  .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])]);

const statement = (code: string) =>
  z
    .string({ error: `${code}_required` })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, `${code}_required`).max(4000, `${code}_too_long`));

export const recordDecisionSchema = z
  .object({
    adoptedRenderingId: z.string({ error: "adopted_required" }).trim().min(1, "adopted_required").max(64),
    admittedIds: ids,
    deprecatedIds: ids,
    statementEn: statement("statement_en"),
    statementZh: statement("statement_zh"),
  })
  .superRefine((v, ctx) => {
    if (v.admittedIds.includes(v.adoptedRenderingId) || v.deprecatedIds.includes(v.adoptedRenderingId)) {
      ctx.addIssue({ code: "custom", path: ["adoptedRenderingId"], message: "adopted_also_listed" });
    }
    if (v.admittedIds.some((x) => v.deprecatedIds.includes(x))) {
      ctx.addIssue({ code: "custom", path: ["deprecatedIds"], message: "admitted_and_deprecated" });
    }
  });
export type RecordDecisionInput = z.input<typeof recordDecisionSchema>;
export type RecordDecision = z.output<typeof recordDecisionSchema>;

export const DECISION_ERROR_CODES = [
  "adopted_required",
  "adopted_also_listed",
  "admitted_and_deprecated",
  "statement_en_required",
  "statement_en_too_long",
  "statement_zh_required",
  "statement_zh_too_long",
  "not_a_rendering_of_term",
  "rendering_not_active",
] as const;

const snapshotRendering = z.object({
  id: z.string(),
  text: z.string(),
  pinyin: z.string(),
  traditional: z.string(),
  gloss: z.string(),
  status: z.string(),
});

/** The frozen basis of a decision: the results as they stood, and the renderings' texts. */
export const decisionSnapshotSchema = z.object({
  takenAt: z.string(),
  tallyVersion: z.number().int(),
  ballotCount: z.number().int().nonnegative(),
  // Tolerant of snapshots recorded before fields were added (robustness, notYetGradedBy, …).
  results: storedResultsSchema,
  renderings: z.array(snapshotRendering),
});
export type DecisionSnapshot = z.infer<typeof decisionSnapshotSchema>;

const renderingRef = z.object({ id: z.string(), text: z.string(), pinyin: z.string() });

/** A decision as readers see it (the term page, GET /api/terms/{slug}/decision). */
export const decisionViewSchema = z.object({
  id: z.string(),
  adopted: renderingRef,
  admitted: z.array(renderingRef),
  deprecated: z.array(renderingRef),
  statementEn: z.string(),
  statementZh: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  supersededAt: z.string().nullable(),
  /** SHA-256 (hex) of the frozen ballot export's RFC 8785 canonical JSON; null before issue 15. */
  ballotsDigest: z.string().nullable(),
});
export type DecisionView = z.infer<typeof decisionViewSchema>;

/** GET /api/terms/{slug}/decisions: newest first, superseded ones with supersededAt. */
export const decisionListSchema = z.object({ decisions: z.array(decisionViewSchema) });

/** GET /api/terms/{slug}/decisions/{id}: the decision with the frozen snapshot it rests on. */
export const decisionDetailSchema = decisionViewSchema.extend({ snapshot: decisionSnapshotSchema });

import { z } from "@/lib/zod";
import { storedResultsSchema } from "@/lib/tally";
import { regionSchema, synonymClassSchema } from "@/lib/schemas/records";
import { CLASSES_FOR, DEFAULT_CLASS, isSynonymClass, type DecisionPlace, type SynonymClass } from "@/lib/records/synonym-classes";

/**
 * Recording a decision (POST /api/terms/{slug}/decision and the decide form): the adopted
 * rendering (正名), adopted regional variants (one per region: 择优选用, 求同存异), admitted
 * alternatives (又称), deprecated ones, the synonym class of each (CY/T 119-2015; defaults:
 * adopted 正名, admitted 又称), and a statement in both languages. The sets are disjoint; the
 * server also checks they belong to the term, and the regions (lib/records/regions.ts).
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
    /** Adopted regional variants: renderings with a region, at most one per region. */
    regionalIds: ids,
    /** Rendering id → class, for any of the renderings named above; the rest take the defaults. */
    synonymClasses: z.record(z.string().max(64), z.string()).optional().default({}),
    statementEn: statement("statement_en"),
    statementZh: statement("statement_zh"),
  })
  .superRefine((v, ctx) => {
    if (v.admittedIds.includes(v.adoptedRenderingId) || v.deprecatedIds.includes(v.adoptedRenderingId) || v.regionalIds.includes(v.adoptedRenderingId)) {
      ctx.addIssue({ code: "custom", path: ["adoptedRenderingId"], message: "adopted_also_listed" });
    }
    if (v.admittedIds.some((x) => v.deprecatedIds.includes(x))) {
      ctx.addIssue({ code: "custom", path: ["deprecatedIds"], message: "admitted_and_deprecated" });
    }
    if (v.regionalIds.some((x) => v.admittedIds.includes(x) || v.deprecatedIds.includes(x))) {
      ctx.addIssue({ code: "custom", path: ["regionalIds"], message: "regional_also_listed" });
    }
    for (const [id, cls] of Object.entries(v.synonymClasses)) {
      const place = placeOf(v, id);
      if (!place) ctx.addIssue({ code: "custom", path: ["synonymClasses"], message: "class_for_unlisted" });
      else if (!isSynonymClass(cls)) ctx.addIssue({ code: "custom", path: ["synonymClasses"], message: "synonym_class_invalid" });
      else if (!CLASSES_FOR[place].includes(cls)) ctx.addIssue({ code: "custom", path: ["synonymClasses"], message: "class_not_for_place" });
    }
  });
export type RecordDecisionInput = z.input<typeof recordDecisionSchema>;
export type RecordDecision = z.output<typeof recordDecisionSchema>;

/**
 * The class of every rendering a decision names: the one chosen, else its place's default
 * (adopted 正名, admitted 又称; a deprecated rendering has none unless it is a 曾称).
 */
export function decisionClasses(d: Pick<RecordDecision, "adoptedRenderingId" | "admittedIds" | "deprecatedIds" | "regionalIds" | "synonymClasses">): Record<string, SynonymClass> {
  const out: Record<string, SynonymClass> = {};
  for (const id of [d.adoptedRenderingId, ...d.regionalIds, ...d.admittedIds, ...d.deprecatedIds]) {
    const place = placeOf(d, id);
    const given = d.synonymClasses[id];
    const cls = isSynonymClass(given) ? given : place ? DEFAULT_CLASS[place] : null;
    if (cls) out[id] = cls;
  }
  return out;
}

/** A stored list of rendering ids (a Json column). */
export const idList = (x: unknown): string[] => (Array.isArray(x) ? x.filter((v): v is string => typeof v === "string") : []);

/**
 * The classes of a stored decision: as recorded, or, for decisions recorded before issue 14
 * (no classes stored), the defaults they meant.
 */
export function storedClasses(d: { adoptedRenderingId: string; admittedIds: unknown; deprecatedIds: unknown; regionalIds: unknown; synonymClasses: unknown }): Record<string, unknown> {
  if (d.synonymClasses && typeof d.synonymClasses === "object") return d.synonymClasses as Record<string, unknown>;
  return decisionClasses({ adoptedRenderingId: d.adoptedRenderingId, admittedIds: idList(d.admittedIds), deprecatedIds: idList(d.deprecatedIds), regionalIds: idList(d.regionalIds), synonymClasses: {} });
}

/** Where a rendering stands in a decision (a regional variant is adopted too). */
export function placeOf(d: Pick<RecordDecision, "adoptedRenderingId" | "admittedIds" | "deprecatedIds" | "regionalIds">, id: string): DecisionPlace | null {
  if (id === d.adoptedRenderingId || d.regionalIds.includes(id)) return "adopted";
  if (d.admittedIds.includes(id)) return "admitted";
  if (d.deprecatedIds.includes(id)) return "deprecated";
  return null;
}

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
  "regional_also_listed",
  "regional_needs_region",
  "region_adopted_twice",
  "class_for_unlisted",
  "class_not_for_place",
  "synonym_class_invalid",
] as const;

const snapshotRendering = z.object({
  id: z.string(),
  text: z.string(),
  pinyin: z.string(),
  traditional: z.string(),
  gloss: z.string(),
  status: z.string(),
  /** The rendering's region when the decision was recorded (absent before issue 14). */
  region: z.string().optional(),
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

const renderingRef = z.object({
  id: z.string(),
  text: z.string(),
  pinyin: z.string(),
  synonymClass: synonymClassSchema.nullable(),
  region: regionSchema.nullable().describe("The rendering's usage region as recorded; null: everywhere"),
});
export type DecisionRenderingRef = z.infer<typeof renderingRef>;

/** A decision as readers see it (the term page, GET /api/terms/{slug}/decision). */
export const decisionViewSchema = z.object({
  id: z.string(),
  adopted: renderingRef.describe("The adopted form (正名) by default, wherever no regional variant is adopted"),
  regional: z.array(renderingRef).describe("Adopted regional variants, one per region (择优选用, 求同存异)"),
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

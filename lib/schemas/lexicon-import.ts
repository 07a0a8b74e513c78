import { z } from "@/lib/zod";

/**
 * POST /api/lexicon/import (and the import page and `npm run admin -- import`): what the
 * importer chooses besides the file, and the report that comes back, for a preview (dry run)
 * and for the import itself alike.
 */

/** BCP 47 tag as far as we check it (en, es, zh-Hans, fr-CA). */
const languageTag = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "language_invalid");
const optionalTag = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .pipe(languageTag.optional());

export const IMPORT_FORMATS = ["tbx", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The query of the request (or the page's fields): all optional. */
export const importOptionsSchema = z.object({
  dryRun: z
    .enum(["1", "true", "0", "false", ""])
    .optional()
    .transform((v) => v === "1" || v === "true")
    .describe("1: a preview; nothing is written"),
  source: optionalTag.describe("Source language of new terms (default: the file's, else the document language, else en)"),
  target: optionalTag.describe("Target language of new terms (default: the file's most frequent other language)"),
  name: z.string().max(200).optional().describe("The file's name, for the audit log and imported renderings' rationale"),
});
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;

const problemSchema = z.object({ line: z.number().int().positive(), column: z.number().int().positive().optional(), message: z.string() });

export const importReportSchema = z.object({
  created: z.number().int().nonnegative().describe("Terms created (each a draft)"),
  updated: z.number().int().nonnegative().describe("Existing terms that gained renderings"),
  skipped: z.number().int().nonnegative().describe("Concepts of the file that changed nothing (already present, term closed, or invalid)"),
  errors: z.array(problemSchema).describe("Entries left out because they are invalid, by line; the rest was imported"),
  dryRun: z.boolean(),
  format: z.enum(IMPORT_FORMATS),
  sourceLang: z.string(),
  targetLang: z.string(),
  renderingsAdded: z.number().int().nonnegative(),
  languageSectionsSkipped: z.number().int().nonnegative().describe("Language sections of languages other than each term's pair"),
  concepts: z.array(
    z.object({
      line: z.number().int(),
      id: z.string().nullable(),
      headword: z.string(),
      slug: z.string().nullable(),
      action: z.enum(["create", "update", "unchanged", "invalid"]),
      matchedBy: z.enum(["id", "headword"]).nullable(),
      sourceLang: z.string(),
      targetLang: z.string(),
      reason: z.string().optional(),
      skippedLanguages: z.array(z.string()),
      renderings: z.array(z.object({ text: z.string(), line: z.number().int(), outcome: z.enum(["add", "exists", "closed", "invalid"]), reason: z.string().optional() })),
    }),
  ),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** The 422 of a file that is not well-formed or not TBX-Basic / our CSV: nothing was written. */
export const importRefusalSchema = z.object({
  error: z.object({ code: z.literal("invalid"), message: z.string(), errors: z.array(problemSchema) }),
});

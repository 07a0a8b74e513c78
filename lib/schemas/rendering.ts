import { z } from "@/lib/zod";
import { optionalClassInput, optionalRegionInput } from "@/lib/schemas/records";

/**
 * What a scholar submits when proposing a rendering, shared by the proposal form (client-side
 * hints) and the server (the authoritative check). Issue messages are stable codes
 * (`proposal.errors.<code>` in the interface messages), so each reader sees them in their own
 * language and API clients get something they can switch on.
 *
 * This module must stay light enough for the browser bundle: it does not import
 * lib/rendering/text.ts (whose converters carry large dictionaries); `tidy` below is the same
 * rule as tidyRenderingText, and a unit test keeps the two equal.
 */

export const RENDERING_MIN_CHARS = 2;
export const RENDERING_MAX_CHARS = 32;
export const GLOSS_MAX = 200;
export const RATIONALE_MAX = 2000;
export const PINYIN_MAX = 200;

/** Han script, the separators • · ・, and spaces (ideographic spaces are tidied to plain ones). */
const HAN = /\p{Script=Han}/u;
const ALLOWED = /^[\p{Script=Han}•·・ ]*$/u;
/** Latin letters with their tone marks or tone numbers, apostrophes, hyphens, separators. */
const PINYIN_ALLOWED = /^[\p{Script=Latin}\p{M}1-5 '’\-•·・]*$/u;

/** NFC, runs of whitespace collapsed to one space, trimmed: the text as stored. */
export function tidy(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** Length in characters as a reader counts them (code points, so rare CJK extension characters count once). */
export function charCount(text: string): number {
  return [...text].length;
}

export const renderingTextSchema = z
  .string({ error: "text_required" })
  .transform(tidy)
  .superRefine((text, ctx) => {
    if (text === "") return void ctx.addIssue({ code: "custom", message: "text_required" });
    if (!HAN.test(text)) return void ctx.addIssue({ code: "custom", message: "text_no_han" });
    if (!ALLOWED.test(text)) return void ctx.addIssue({ code: "custom", message: "text_bad_chars" });
    const n = charCount(text);
    if (n < RENDERING_MIN_CHARS) ctx.addIssue({ code: "custom", message: "text_too_short" });
    if (n > RENDERING_MAX_CHARS) ctx.addIssue({ code: "custom", message: "text_too_long" });
  });

/** Empty means "derive it"; otherwise letters with tone marks or tone numbers. */
export const pinyinSchema = z
  .string()
  .transform(tidy)
  .pipe(z.string().max(PINYIN_MAX, "pinyin_too_long").regex(PINYIN_ALLOWED, "pinyin_bad_chars"))
  .optional();

export const glossSchema = z
  .string({ error: "gloss_required" })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, "gloss_required").max(GLOSS_MAX, "gloss_too_long"));

export const rationaleSchema = z
  .string({ error: "rationale_required" })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, "rationale_required").max(RATIONALE_MAX, "rationale_too_long"));

/** POST /api/terms/{slug}/renderings and the proposal form. */
export const proposeRenderingSchema = z.object({
  text: renderingTextSchema,
  pinyin: pinyinSchema,
  gloss: glossSchema,
  rationale: rationaleSchema,
  /** Where it is used (a regional variant), empty for everywhere. */
  region: optionalRegionInput,
  /** The synonym class its proposer suggests (the decision's is what stands), empty for none. */
  synonymClass: optionalClassInput,
});
export type ProposeRenderingInput = z.input<typeof proposeRenderingSchema>;
export type ProposeRendering = z.output<typeof proposeRenderingSchema>;

/** PATCH /api/renderings/{id}: the proposer corrects the gloss, the rationale, the pinyin, the region or the class. */
export const editRenderingSchema = z
  .object({
    gloss: glossSchema.optional(),
    rationale: rationaleSchema.optional(),
    pinyin: pinyinSchema,
    region: optionalRegionInput.optional(),
    synonymClass: optionalClassInput.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "nothing_to_change");
export type EditRendering = z.output<typeof editRenderingSchema>;

/** Every code the schemas above can produce; the interface messages have one text per code. */
export const PROPOSAL_ERROR_CODES = [
  "text_required",
  "text_no_han",
  "text_bad_chars",
  "text_too_short",
  "text_too_long",
  "pinyin_too_long",
  "pinyin_bad_chars",
  "gloss_required",
  "gloss_too_long",
  "rationale_required",
  "rationale_too_long",
  "nothing_to_change",
  "region_invalid",
  "synonym_class_invalid",
] as const;
export type ProposalErrorCode = (typeof PROPOSAL_ERROR_CODES)[number];

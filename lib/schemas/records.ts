import { z } from "@/lib/zod";
import { SYNONYM_CLASSES } from "@/lib/records/synonym-classes";
import { REGIONS } from "@/lib/records/regions";
import { canonicalLanguageTag } from "@/lib/records/language-tag";

/**
 * The fields term committees' records add (issue 14): synonym classes (CY/T 119-2015), usage
 * regions, language tags. Shared by the forms, the API and the response schemas.
 */

export const synonymClassSchema = z.enum(SYNONYM_CLASSES).describe("Synonym class (CY/T 119-2015): standard 正名, alternative 又称, short 简称, full 全称, common 俗称, former 曾称");
export const regionSchema = z.enum(REGIONS).describe("Usage region (ISO 3166-1): CN 大陆, TW 台湾, HK 香港, MO 澳门, SG 新加坡; TBX geographicalUsage");

/** A form's select sends "" for "none": optional class, empty meaning none. */
export const optionalClassInput = z
  .union([z.literal(""), z.null(), z.string()])
  .optional()
  .transform((v) => v || null)
  .pipe(z.enum(SYNONYM_CLASSES, { error: "synonym_class_invalid" }).nullable());

export const optionalRegionInput = z
  .union([z.literal(""), z.null(), z.string()])
  .optional()
  .transform((v) => v || null)
  .pipe(z.enum(REGIONS, { error: "region_invalid" }).nullable());

/** A BCP 47 language tag (zh-Hans, zh-Hant, en, es-419…), in its canonical case. */
export const languageTagSchema = z
  .string()
  .transform((v, ctx) => {
    const tag = canonicalLanguageTag(v);
    if (tag === null) {
      ctx.addIssue({ code: "custom", message: "language_invalid" });
      return z.NEVER;
    }
    return tag;
  });

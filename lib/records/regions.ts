/**
 * Usage regions of a Chinese rendering (regional variants: 大陆 / 台湾 / 香港 / 澳门 / 新加坡), as
 * ISO 3166-1 codes. A rendering with no region is used everywhere the target language is. The
 * code is what TBX `geographicalUsage` carries.
 */

export const REGIONS = ["CN", "TW", "HK", "MO", "SG"] as const;
export type Region = (typeof REGIONS)[number];

export const isRegion = (v: unknown): v is Region => typeof v === "string" && (REGIONS as readonly string[]).includes(v);

export const REGION_NAMES: Record<Region, { en: string; zh: string }> = {
  CN: { en: "Mainland China", zh: "大陆" },
  TW: { en: "Taiwan", zh: "台湾" },
  HK: { en: "Hong Kong", zh: "香港" },
  MO: { en: "Macao", zh: "澳门" },
  SG: { en: "Singapore", zh: "新加坡" },
};

/**
 * A region as a file gives it: the code (any case), a language tag ending in it (zh-TW), or its
 * name in either language; undefined when it is none of ours.
 */
export function regionFromFile(value: string | undefined): Region | undefined {
  const v = (value ?? "").trim();
  if (!v) return undefined;
  const code = v.replace(/_/g, "-").split("-").pop()!.toUpperCase();
  if (isRegion(code)) return code;
  return REGIONS.find((r) => REGION_NAMES[r].en.toLowerCase() === v.toLowerCase() || REGION_NAMES[r].zh === v);
}

/**
 * The cross-strait rule (择优选用, 求同存异) as a decision states it: one adopted form as the
 * default, and at most one more adopted form per region. What is wrong with a choice, as
 * field → codes: a regional variant without a region (`regional_needs_region`), two adopted
 * forms for one region (`region_adopted_twice`).
 */
export function regionalAdoptionProblems(adoptedId: string, regionalIds: readonly string[], regionOf: (id: string) => string): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (code: string) => {
    const list = (problems.regionalIds ??= []);
    if (!list.includes(code)) list.push(code);
  };
  const seen = new Set<string>();
  const own = regionOf(adoptedId);
  if (own) seen.add(own);
  for (const id of regionalIds) {
    const region = regionOf(id);
    if (!region) add("regional_needs_region");
    else if (seen.has(region)) add("region_adopted_twice");
    else seen.add(region);
  }
  return problems;
}

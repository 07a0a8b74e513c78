/**
 * Language tags (BCP 47) of a term's source and target: zh-Hans (the default target), zh-Hant,
 * en, es, fr-CA… Well-formedness is checked by the platform's own BCP 47 parser
 * (`Intl.getCanonicalLocales`, in Node and every browser), which refuses what is not a tag;
 * the tag is kept as written, in its canonical case (zh-hant → zh-Hant).
 */
export function canonicalLanguageTag(tag: string): string | null {
  const t = tag.trim();
  if (!t || !/^[A-Za-z0-9-]+$/.test(t)) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(t);
    if (!canonical) return null;
    // Keep the writer's subtags (no alias replacement such as iw → he), only their case.
    return canonical.toLowerCase() === t.toLowerCase() ? canonical : tidyTag(t);
  } catch {
    return null;
  }
}

/** A language tag in its usual case: language lowercase, script title case, region uppercase (EN-us → en-US, zh-hans → zh-Hans). */
export function tidyTag(tag: string): string {
  return tag
    .trim()
    .replace(/_/g, "-")
    .split("-")
    .map((part, i) => (i === 0 ? part.toLowerCase() : part.length === 4 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part.length === 2 ? part.toUpperCase() : part.toLowerCase()))
    .join("-");
}

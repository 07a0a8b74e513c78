import type { Locale } from "./index";

/**
 * A person with their delegation, as a byline in the reader's language: "Anne Roy (Canada)",
 * "Anne Roy（加拿大）" (the delegation's Chinese name when it has one, full-width brackets).
 */
export function byline(person: { name: string; delegation: string | null; delegationZh?: string | null }, locale: Locale): string {
  if (!person.delegation) return person.name;
  return locale === "zh" ? `${person.name}（${person.delegationZh || person.delegation}）` : `${person.name} (${person.delegation})`;
}

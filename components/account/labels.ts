import type { Locale } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/dates";

/** A delegation's name in the reader's language (the Chinese name when there is one). */
export function delegationLabel(d: { name: string; nameZh: string | null } | null | undefined, locale: Locale): string {
  if (!d) return "—";
  return locale === "zh" && d.nameZh ? d.nameZh : d.name;
}

/** Dates of accounts, tokens and invitations: day and minute, in UTC, said so. */
export function dateTime(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return "—";
  return formatDateTime(value, locale);
}

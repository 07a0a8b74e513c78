import type { Locale } from "./index";

/**
 * The one way dates are written to people, per language: English "2 Dec 2026" (never
 * 02/12/2026, read as 12 February in North America), Chinese "2026年12月2日"; with the time,
 * "2 Dec 2026, 14:05 UTC" / "2026年12月2日 14:05 UTC". Always in UTC, said so wherever a time
 * is shown, as deadlines are entered (lib/schemas/term-input.ts). Pure: pages, emails and the
 * PDF record all call it, on the server or in the browser, and get the same text.
 */

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

export type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return d;
}

const two = (n: number) => String(n).padStart(2, "0");

/** The day: "2 Dec 2026" / "2026年12月2日" (UTC). */
export function formatDate(value: DateInput, locale: Locale): string {
  const d = toDate(value);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  return locale === "zh" ? `${y}年${m + 1}月${day}日` : `${day} ${MONTHS_EN[m]} ${y}`;
}

/** The day and minute: "2 Dec 2026, 14:05 UTC" / "2026年12月2日 14:05 UTC". */
export function formatDateTime(value: DateInput, locale: Locale): string {
  const d = toDate(value);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
  return locale === "zh" ? `${formatDate(d, locale)} ${time}` : `${formatDate(d, locale)}, ${time}`;
}

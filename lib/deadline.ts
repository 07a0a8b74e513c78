/**
 * How long a consultation has left, in both UI languages (its date is written by
 * lib/i18n/dates.ts like every other date). Pure: the caller passes the clock.
 */
export type TimeLeft = { closed: boolean; days: number; hours: number; minutes: number };

const MINUTE = 60_000;

export function timeLeft(deadline: Date, now: Date): TimeLeft {
  // Rounded up to the minute: "1 minute" until the deadline, never "0 minutes" before it.
  const minutes = Math.ceil((deadline.getTime() - now.getTime()) / MINUTE);
  if (minutes <= 0) return { closed: true, days: 0, hours: 0, minutes: 0 };
  return { closed: false, days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

/**
 * What is left, to the two largest units: "2 days 3 hours", "5 hours 10 minutes", "1 minute";
 * "2 天 3 小时". Null once closed.
 */
export function timeLeftText(left: TimeLeft, locale: "en" | "zh"): string | null {
  if (left.closed) return null;
  const units: [number, string, string, string][] = [
    [left.days, "day", "days", "天"],
    [left.hours, "hour", "hours", "小时"],
    [left.minutes, "minute", "minutes", "分钟"],
  ];
  const first = units.findIndex(([n]) => n > 0);
  const shown = units.slice(first, first + 2).filter(([n]) => n > 0);
  return shown.map(([n, one, many, zh]) => (locale === "zh" ? `${n} ${zh}` : `${n} ${n === 1 ? one : many}`)).join(" ");
}

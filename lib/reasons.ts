/** Reasons a page shows at most per delegation; the API and the ballot export carry all of them. */
export const SHOWN_REASONS = 5;

/**
 * The reasons to show: identical ones once, at most SHOWN_REASONS, and how many others there
 * are. A page of thousands of quotes helps nobody and costs every reader the whole download.
 */
export function shownReasons(reasons: string[]): { shown: string[]; more: number } {
  const unique = [...new Set(reasons)];
  return { shown: unique.slice(0, SHOWN_REASONS), more: unique.length - Math.min(unique.length, SHOWN_REASONS) };
}

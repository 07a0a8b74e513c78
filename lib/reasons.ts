import type { ListedReason } from "@/lib/tally";

/** Reasons a page shows at most per delegation; the API lists more, the ballot export all of them. */
export const SHOWN_REASONS = 5;

/** Reasons as a page shows them: the most given ones, and how many voters' reasons are not shown. */
export type ShownReasons = { shown: ListedReason[]; more: number };

/**
 * The first SHOWN_REASONS of the results' listed reasons (the most given first), and the voters
 * among the delegation's `rejects` whose reasons are not among them. A page of thousands of
 * quotes helps nobody and costs every reader the whole download.
 */
export function shownReasons(listed: readonly ListedReason[], rejects: number): ShownReasons {
  const shown = listed.slice(0, SHOWN_REASONS);
  const voters = shown.reduce((sum, r) => sum + r.voters, 0);
  return { shown, more: Math.max(0, rejects - voters) };
}

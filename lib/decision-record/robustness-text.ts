import { format, type Messages } from "@/lib/i18n";
import type { StoredResults as Results } from "@/lib/tally";

type Words = Messages["decisionRecord"]["robustness"];

/**
 * The robustness of a result in plain sentences (issue 15), when the results carry it
 * (lib/tally/robustness.ts fills it): per delegation, how many of its ballots would have to
 * change for the consensus to stop being acceptable to it (or, with no consensus, for the
 * leader to become acceptable to it); then how many ballots in all would change the outcome.
 */
export function robustnessSentences(results: Results, textOf: (id: string) => string, words: Words): string[] {
  const r = results.robustness;
  if (!r) return [];
  const subject = r.consensus ?? results.ranking[0] ?? null;
  if (subject === null) return [];
  const text = textOf(subject);
  const leader = r.consensus === null;
  const lines = Object.entries(r.blockMargin)
    .filter(([, count]) => !leader || count > 0)
    .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0))
    .map(([delegation, count]) =>
      format(leader ? (count === 1 ? words.leaderMarginOne : words.leaderMarginMany) : count === 1 ? words.marginOne : words.marginMany, {
        delegation,
        count,
        text,
      }),
    );
  if (r.ballotsToChange !== null) {
    const count = r.ballotsToChange;
    const template = leader
      ? r.exact
        ? words.leaderToChange
        : words.leaderToChangeBound
      : !r.exact
        ? words.toChangeBound
        : count === 1
          ? words.toChangeOne
          : words.toChangeMany;
    lines.push(format(template, { count, text }));
  }
  return lines;
}

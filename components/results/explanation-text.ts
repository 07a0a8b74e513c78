import type { Locale } from "@/lib/i18n";
import type { Results } from "@/lib/tally";
import { explain } from "@/lib/tally/explanation";
import { analyzeResults } from "@/lib/tally/robustness";

/**
 * The results' explanation worded for the reader (the JSON's names delegations as stored): on
 * the server for the page, and in the browser for each version the live stream fetches.
 */
export function explanationFor(results: Results, locale: Locale, labels: Record<string, string>): string {
  return explain(results, analyzeResults(results).witness, { [locale]: labels })[locale];
}

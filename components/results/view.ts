import type { Locale, Messages } from "@/lib/i18n";
import { GRADE_LABELS, type Grade } from "@/lib/tally/grades";
import type { PageResults } from "@/lib/page-results";

/** What every part of the results view needs: the results and how to word them. */
export type ResultsView = {
  results: PageResults;
  text: Messages["ballot"]["results"];
  targetLang: string;
  /** A delegation's name in the reader's language. */
  delegation: (name: string) => string;
  /** A grade's label in the reader's language; "—" for no grade. */
  grade: (grade: Grade | null) => string;
  /** A rendering's text by id. */
  rendering: (id: string) => string;
};

export function resultsView(
  results: PageResults,
  { text, locale, targetLang, delegationLabels }: { text: ResultsView["text"]; locale: Locale; targetLang: string; delegationLabels: Record<string, string> },
): ResultsView {
  return {
    results,
    text,
    targetLang,
    delegation: (name) => delegationLabels[name] ?? name,
    grade: (grade) => (grade ? GRADE_LABELS[grade][locale] : text.none),
    rendering: (id) => results.renderings[id]?.text ?? id,
  };
}

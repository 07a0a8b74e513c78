"use client";

import type { Locale, Messages } from "@/lib/i18n";
import type { PageResults } from "@/lib/page-results";
import { ConsensusBanner } from "./consensus-banner";
import { RankingTable } from "./ranking-table";
import { MeritProfiles, type ArgumentCounts } from "./merit-profiles";
import { PairwiseMatrix } from "./pairwise-matrix";
import { resultsView } from "./view";
import styles from "./results.module.css";

/**
 * The drawn results, a client component although nothing in it is interactive: its props (the
 * results, a few KiB) travel to the browser instead of the element tree they expand to (about
 * 200 KiB of React Server Components payload for 20 renderings and two delegations). The HTML
 * is rendered on the server all the same, so the page reads without JavaScript.
 */
export function ResultsBody(props: {
  results: PageResults;
  text: Messages["ballot"]["results"];
  locale: Locale;
  targetLang: string;
  delegationLabels: Record<string, string>;
  arguments: ArgumentCounts;
  summary: string;
  /** The results in plain words, in the reader's language, with their delegation names. */
  explanation: string;
}) {
  const view = resultsView(props.results, props);
  return (
    <>
      <ConsensusBanner view={view} />
      <p id="results-explanation" className={styles.explanation}>
        <span className={styles.explanationLabel}>{props.text.explanation} </span>
        {props.explanation}
      </p>
      <RankingTable view={view} />
      <MeritProfiles view={view} arguments={props.arguments} summary={props.summary} />
      <PairwiseMatrix view={view} />
    </>
  );
}

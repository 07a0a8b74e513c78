"use client";

import { useSyncExternalStore } from "react";
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
 *
 * `details: "client"` (the shared cached copy): the grade distributions and the pairwise table
 * (about 70 KiB of HTML at 20 renderings, three quarters of the results' markup) are drawn by
 * the browser right after the page loads, from the props it receives anyway; the HTML carries
 * the consensus, the explanation and the ranking. Serving the copy costs about its size
 * (docs/benchmarks.md: the socket writes were 38 % of the server's time), so this makes every
 * reader's page cheaper. Without JavaScript the plain page (`details: "server"`) has them all.
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
  details: "server" | "client";
}) {
  const view = resultsView(props.results, props);
  const drawn = useSyncExternalStore(noChange, afterHydration, duringServerRender);
  const withDetails = props.details === "server" || drawn;
  return (
    <>
      <ConsensusBanner view={view} />
      <p id="results-explanation" className={styles.explanation}>
        <span className={styles.explanationLabel}>{props.text.explanation} </span>
        {props.explanation}
      </p>
      <RankingTable view={view} />
      {withDetails ? (
        <>
          <MeritProfiles view={view} arguments={props.arguments} summary={props.summary} />
          <PairwiseMatrix view={view} />
        </>
      ) : null}
    </>
  );
}

/** false while the server renders and the browser hydrates, true after (no mismatch, no effect). */
const noChange = () => () => {};
const afterHydration = () => true;
const duringServerRender = () => false;

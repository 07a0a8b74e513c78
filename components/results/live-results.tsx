"use client";

import { useEffect, useState, type ComponentProps } from "react";
import { format } from "@/lib/i18n";
import { pageResults, type PageResults } from "@/lib/page-results";
import { subscribeResults } from "@/components/live/results-feed";
import { ResultsBody } from "./results-body";

/** What ResultsBody draws the results with, and where they start. */
type Props = Omit<ComponentProps<typeof ResultsBody>, "results" | "explanation"> & {
  slug: string;
  /** The results the page was rendered with, and the tally version they are at least as new as. */
  initial: PageResults;
  /** The explanation of `initial` in the reader's language, with the reader's delegation names. */
  initialExplanation: string;
  version: number;
};

/**
 * The results as they stand: those the page was rendered with, replaced by newer ones as the
 * live stream fetches them (components/live/results-feed.ts) or the page is refreshed; never
 * by older ones.
 */
export function LiveResults({ slug, initial, initialExplanation, version, ...rest }: Props) {
  const [shown, setShown] = useState({ version, results: initial, explanation: initialExplanation });
  // A refreshed page brings newer props: take them if they are newer than what is shown.
  if (version > shown.version) setShown({ version, results: initial, explanation: initialExplanation });
  const { locale, delegationLabels } = rest;
  useEffect(
    () =>
      subscribeResults(slug, (r) => {
        // The wording (robustness included) loads with the first update: readers who never see
        // one do not download it.
        void import("./explanation-text").then(({ explanationFor }) => {
          const explanation = explanationFor(r.results, locale, delegationLabels);
          setShown((now) => (r.version > now.version ? { version: r.version, results: pageResults(r.results), explanation } : now));
        });
      }),
    [slug, locale, delegationLabels],
  );
  const { results, explanation } = shown;
  if (results.voters === 0) return <p>{rest.text.noVotes}</p>;
  return (
    <>
      <p className="muted">{format(rest.text.voters, { count: results.voters })}</p>
      <ResultsBody results={results} {...rest} explanation={explanation} />
    </>
  );
}

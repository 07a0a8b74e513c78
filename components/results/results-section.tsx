import Link from "next/link";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { delegationLabels, getResults } from "@/server/results";
import { ConsensusBanner } from "./consensus-banner";
import { RankingTable } from "./ranking-table";
import { MeritProfiles } from "./merit-profiles";
import { PairwiseMatrix } from "./pairwise-matrix";
import { resultsView } from "./view";
import { argumentCounts } from "@/server/comments";

/** The results of a term, read from the tally cache: consensus, ranking, profiles, matrix. */
export async function ResultsSection({ slug, t, locale, targetLang }: { slug: string; t: Messages; locale: Locale; targetLang: string }) {
  const text = t.ballot.results;
  const [results, labels, args] = await Promise.all([getResults(slug), delegationLabels(locale), argumentCounts(slug)]);
  const view = resultsView(results, { text, locale, targetLang, delegationLabels: labels });
  return (
    <section aria-labelledby="results-title" id="results">
      <h2 id="results-title">{text.title}</h2>
      <p>
        <Link href="/method">{text.methodLink}</Link>
      </p>
      {results.voters === 0 ? (
        <p>{text.noVotes}</p>
      ) : (
        <>
          <p className="muted">{format(text.voters, { count: results.voters })}</p>
          <ConsensusBanner view={view} />
          <RankingTable view={view} />
          <MeritProfiles view={view} arguments={args} summary={t.discussion.summary} />
          <PairwiseMatrix view={view} />
        </>
      )}
    </section>
  );
}

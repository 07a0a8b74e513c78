import Link from "next/link";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { pageResults } from "@/lib/page-results";
import { explain } from "@/lib/tally/explanation";
import { analyzeResults } from "@/lib/tally/robustness";
import { delegationLabels, getResults } from "@/server/results/service";
import { argumentCounts } from "@/server/deliberation/comments";
import { ResultsBody } from "./results-body";

/** The results of a term, read from the tally cache: consensus, ranking, profiles, matrix. */
export async function ResultsSection({ slug, t, locale, targetLang }: { slug: string; t: Messages; locale: Locale; targetLang: string }) {
  const text = t.ballot.results;
  const [results, labels, args] = await Promise.all([getResults(slug), delegationLabels(locale), argumentCounts(slug)]);
  // The JSON's explanation names delegations as stored; the page words it with the reader's labels.
  const explanation = explain(results, analyzeResults(results).witness, { [locale]: labels })[locale];
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
          <ResultsBody
            results={pageResults(results)}
            text={text}
            locale={locale}
            targetLang={targetLang}
            delegationLabels={labels}
            arguments={args}
            summary={t.discussion.summary}
            explanation={explanation}
          />
        </>
      )}
    </section>
  );
}

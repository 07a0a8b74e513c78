import Link from "next/link";
import type { Locale, Messages } from "@/lib/i18n";
import { pageResults } from "@/lib/page-results";
import { delegationLabels, getVersionedResults } from "@/server/results/service";
import { argumentCounts } from "@/server/deliberation/comments";
import { LiveResults } from "./live-results";
import { explanationFor } from "./explanation-text";

/** The results of a term, read from the maintained tally: consensus, ranking, profiles, matrix; kept current by the live stream. */
export async function ResultsSection({ slug, t, locale, targetLang, details }: { slug: string; t: Messages; locale: Locale; targetLang: string; details: "server" | "client" }) {
  const text = t.ballot.results;
  const [{ version, results }, labels, args] = await Promise.all([getVersionedResults(slug), delegationLabels(locale), argumentCounts(slug)]);
  return (
    <section aria-labelledby="results-title" id="results">
      <h2 id="results-title">{text.title}</h2>
      <p>
        <Link href="/method">{text.methodLink}</Link>
      </p>
      <LiveResults
        slug={slug}
        initial={pageResults(results)}
        initialExplanation={explanationFor(results, locale, labels)}
        version={version}
        text={text}
        locale={locale}
        targetLang={targetLang}
        delegationLabels={labels}
        arguments={args}
        summary={t.discussion.summary}
        details={details}
      />
    </section>
  );
}

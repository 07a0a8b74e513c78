import Link from "next/link";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { format } from "@/lib/i18n";
import { recordFacts } from "@/lib/decision-record/facts";
import { messages } from "@/server/site/locale";
import { currentActor } from "@/server/auth/request";
import { decisionCandidates } from "@/server/decisions/service";
import { decideAction } from "@/server/actions/facilitation";
import { DecisionForm } from "@/components/facilitation/decision-form";
import { MediansTable, Robustness } from "@/components/decision/record-sections";
import { Refusal, requirePageRole } from "@/components/facilitation/access";

export const dynamic = "force-dynamic";

/**
 * The decide page: what the facilitator decides on (the explanation, robustness, medians per
 * delegation, blocks with their reasons), then the decision form with its review step.
 */
export default async function DecidePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [{ t, locale }, actor] = await Promise.all([messages(), currentActor()]);
  if (!requirePageRole(actor, "facilitator", `/terms/${slug}/decide`)) return <Refusal t={t} />;
  const { term, candidates, suggested, results } = await decisionCandidates(actor, slug).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const d = t.facilitation.decision;
  const facts = recordFacts({ results, renderings: candidates });
  const blockers = (id: string) => (results.renderings[id]?.blockedBy ?? []).filter((b) => b.median !== null).map((b) => b.delegation);
  return (
    <article>
      <h1>{format(d.decideTitle, { term: term.headword })}</h1>
      <p>
        <Link href={`/terms/${slug}`}>{t.facilitation.term.back}</Link>
      </p>
      {term.stage !== "provisional" ? (
        <p>{d.notProvisional}</p>
      ) : (
        <>
          <p className="muted">{d.decideIntro}</p>
          <p>{results.consensus ? format(d.consensus, { text: results.renderings[results.consensus]?.text ?? "" }) : t.decisionRecord.review.noConsensus}</p>
          <Robustness results={results} facts={facts} t={t} locale={locale} />
          <h2>{t.decisionRecord.record.medians}</h2>
          <MediansTable facts={facts} t={t} locale={locale} targetLang={term.targetLang} label={t.decisionRecord.record.medians} />
          <h2>{d.record}</h2>
          <DecisionForm
            action={decideAction.bind(null, slug)}
            candidates={candidates.map((c) => ({ id: c.id, text: c.text, pinyin: c.pinyin, status: c.status, rank: c.rank, blockedBy: blockers(c.id), region: c.region }))}
            suggested={suggested}
            consensus={results.consensus}
            t={t.facilitation}
            records={t.records}
            review={t.decisionRecord.review}
            forms={t.forms}
            targetLang={term.targetLang}
          />
        </>
      )}
    </article>
  );
}

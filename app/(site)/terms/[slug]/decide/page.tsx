import Link from "next/link";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { format } from "@/lib/i18n";
import { GRADE_LABELS } from "@/lib/tally";
import { messages } from "@/server/site/locale";
import { currentActor } from "@/server/auth/request";
import { decisionCandidates } from "@/server/decisions/service";
import { decideAction } from "@/server/actions/facilitation";
import { DecisionForm } from "@/components/facilitation/decision-form";
import { Refusal, requirePageRole } from "@/components/facilitation/access";

export const dynamic = "force-dynamic";

export default async function DecidePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [{ t, locale }, actor] = await Promise.all([messages(), currentActor()]);
  if (!requirePageRole(actor, "facilitator", `/terms/${slug}/decide`)) return <Refusal t={t} />;
  const { term, candidates, suggested } = await decisionCandidates(actor, slug).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const d = t.facilitation.decision;
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
          <DecisionForm
            action={decideAction.bind(null, slug)}
            candidates={candidates.map((c) => ({ ...c, median: c.median ? GRADE_LABELS[c.median][locale] : null }))}
            suggested={suggested}
            t={t.facilitation}
            forms={t.forms}
            targetLang={term.targetLang}
          />
        </>
      )}
    </article>
  );
}

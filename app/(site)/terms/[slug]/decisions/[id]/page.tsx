import Link from "next/link";
import { DecidedForm, DecidedList, RegionalRows } from "@/components/decision/decided-forms";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { format } from "@/lib/i18n";
import { sealedRecordFacts } from "@/lib/decision-record/facts";
import { messages } from "@/server/site/locale";
import { getSealedDecision } from "@/server/decisions/service";
import { readerGate } from "@/server/membership/access";
import { MediansTable, Robustness, VotersAndPairs } from "@/components/decision/record-sections";
import { formatDateTime } from "@/lib/i18n/dates";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

/**
 * A decision and the frozen results it rests on, as they stood when it was recorded, with the
 * digest of its frozen ballots and how anyone checks it; printable (app/globals.css) and as PDF.
 */
export default async function DecisionSnapshotPage({ params }: Props) {
  const { slug, id } = await params;
  await readerGate(`/terms/${slug}/decisions/${id}`);
  const [{ t, locale }, found] = await Promise.all([
    messages(),
    getSealedDecision(slug, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  const { decision, snapshot, term, frozen } = found;
  const d = t.facilitation.decision;
  const rec = t.decisionRecord;
  const results = snapshot.results;
  const { facts, textOf } = sealedRecordFacts({ decision, snapshot, frozen });
  const when = (iso: string) => formatDateTime(iso, locale);
  const roleOf = (rid: string) => {
    const role = facts.renderings.find((r) => r.id === rid)?.role;
    return role ? d[role] : "";
  };
  const base = `/api/terms/${slug}/decisions/${id}`;
  return (
    <article className="decision-record">
      <h1>{format(d.snapshotTitle, { term: term.headword })}</h1>
      <p className="no-print">
        <Link href={`/terms/${slug}`}>{t.facilitation.term.back}</Link> · <a href={`/terms/${slug}/decisions/${id}/record.pdf`}>{rec.record.pdf}</a>
      </p>
      <dl className="meta">
        <dt>{d.adopted}</dt>
        <dd>
          <DecidedForm r={decision.adopted} t={t} targetLang={term.targetLang} strong />
        </dd>
        <RegionalRows regional={decision.regional} t={t} targetLang={term.targetLang} />
        <dt>{d.admitted}</dt>
        <dd>
          <DecidedList list={decision.admitted} t={t} targetLang={term.targetLang} />
        </dd>
        <dt>{d.deprecated}</dt>
        <dd>
          <DecidedList list={decision.deprecated} t={t} targetLang={term.targetLang} />
        </dd>
      </dl>
      <p lang="en" style={{ whiteSpace: "pre-line" }}>{decision.statementEn}</p>
      <p lang="zh-Hans" style={{ whiteSpace: "pre-line" }}>{decision.statementZh}</p>
      <p className="muted">
        {format(d.decidedBy, { name: decision.decidedBy, date: when(decision.decidedAt) })}
        {decision.supersededAt ? ` (${format(d.superseded, { date: when(decision.supersededAt) })})` : ""}
      </p>

      <h2>{d.snapshot}</h2>
      <p>{format(d.takenAt, { date: when(snapshot.takenAt), ballots: snapshot.ballotCount })}</p>
      <p>{results.consensus ? format(d.consensus, { text: textOf(results.consensus) }) : d.noConsensus}</p>
      <Robustness results={results} facts={facts} t={t} locale={locale} headingLevel={3} />
      <MediansTable facts={facts} t={t} locale={locale} targetLang={term.targetLang} label={d.snapshot} last={{ title: d.status, cell: (r) => roleOf(r.id) }} />
      <VotersAndPairs facts={facts} t={t} />

      <section aria-labelledby="seal-title" className="card" data-testid="seal">
        <h2 id="seal-title" style={{ marginTop: 0 }}>
          {rec.seal.title}
        </h2>
        {decision.ballotsDigest ? (
          <>
            <p>
              {rec.seal.digest}: <code data-testid="ballots-digest" style={{ overflowWrap: "anywhere" }}>{decision.ballotsDigest}</code>
            </p>
            <p>
              {rec.seal.how} <a href={`${base}/ballots`}>{rec.seal.download}</a>
            </p>
            <ol>
              <li>
                <code>npm run tally -- --digest ballots.json</code> — {rec.seal.stepDigest}
              </li>
              <li>
                <code>npm run tally -- ballots.json</code> — {rec.seal.stepTally}
              </li>
            </ol>
            <p className="muted">{rec.seal.ownBallot}</p>
          </>
        ) : (
          <p>{rec.seal.none}</p>
        )}
      </section>
      <p className="no-print">
        <a href={base}>{d.json}</a>
      </p>
    </article>
  );
}

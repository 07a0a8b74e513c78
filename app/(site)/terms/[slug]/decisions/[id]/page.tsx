import Link from "next/link";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { format } from "@/lib/i18n";
import { GRADE_LABELS } from "@/lib/tally";
import { messages } from "@/server/site/locale";
import { getDecision } from "@/server/decisions/service";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

/** A decision and the frozen results it rests on, as they stood when it was recorded. */
export default async function DecisionSnapshotPage({ params }: Props) {
  const { slug, id } = await params;
  await readerGate(`/terms/${slug}/decisions/${id}`);
  const [{ t, locale }, found] = await Promise.all([
    messages(),
    getDecision(slug, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  const { decision, snapshot, term } = found;
  const d = t.facilitation.decision;
  const results = snapshot.results;
  const when = (iso: string) => new Date(iso).toLocaleString(locale === "zh" ? "zh-CN" : "en-GB", { timeZone: "UTC" }) + " UTC";
  const textOf = (rid: string) => snapshot.renderings.find((r) => r.id === rid)?.text ?? results.renderings[rid]?.text ?? rid;
  const roleOf = (rid: string) =>
    rid === decision.adopted.id ? d.adopted : decision.admitted.some((r) => r.id === rid) ? d.admitted : decision.deprecated.some((r) => r.id === rid) ? d.deprecated : "";
  return (
    <article>
      <h1>{format(d.snapshotTitle, { term: term.headword })}</h1>
      <p>
        <Link href={`/terms/${slug}`}>{t.facilitation.term.back}</Link>
      </p>
      <dl className="meta">
        <dt>{d.adopted}</dt>
        <dd lang={term.targetLang}>{decision.adopted.text}</dd>
        <dt>{d.admitted}</dt>
        <dd lang={term.targetLang}>{decision.admitted.map((r) => r.text).join("、") || d.none}</dd>
        <dt>{d.deprecated}</dt>
        <dd lang={term.targetLang}>{decision.deprecated.map((r) => r.text).join("、") || d.none}</dd>
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
      {/* Focusable so that keyboard users can scroll it on narrow screens (axe: scrollable-region-focusable). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={d.snapshot}>
        <table>
          <thead>
            <tr>
              <th scope="col">{d.ranking}</th>
              <th scope="col">{t.term.candidates}</th>
              <th scope="col">{d.median}</th>
              <th scope="col">{d.status}</th>
            </tr>
          </thead>
          <tbody>
            {results.ranking.map((rid, i) => {
              const r = results.renderings[rid];
              return (
                <tr key={rid}>
                  <td>{i + 1}</td>
                  <td lang={term.targetLang}>{textOf(rid)}</td>
                  <td>{r?.median ? GRADE_LABELS[r.median][locale] : "—"}</td>
                  <td>{roleOf(rid)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <a href={`/api/terms/${slug}/decisions/${id}`}>{d.json}</a>
      </p>
    </article>
  );
}

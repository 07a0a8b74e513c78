import { format, type Locale, type Messages } from "@/lib/i18n";
import { GRADE_LABELS, type Grade, type StoredResults as Results } from "@/lib/tally";
import type { RecordFacts, RecordRendering } from "@/lib/decision-record/facts";
import { robustnessSentences } from "@/lib/decision-record/robustness-text";

/**
 * The parts of a decision's basis shown on the record page and on the decide page: the
 * explanation and robustness (when the results carry them), the renderings with their medians
 * per delegation and their blocks with reasons, voters per delegation, the pairwise summary.
 */

const gradeOf = (g: Grade | null, locale: Locale) => (g ? GRADE_LABELS[g][locale] : "—");

/** The explanation paragraph and the robustness sentences; nothing when the results have neither. */
export function Robustness({ results, facts, t, locale, headingLevel = 2 }: { results: Results; facts: RecordFacts; t: Messages; locale: Locale; headingLevel?: 2 | 3 }) {
  const r = t.decisionRecord.record;
  const textOf = (id: string) => facts.renderings.find((x) => x.id === id)?.text ?? id;
  const sentences = robustnessSentences(results, textOf, t.decisionRecord.robustness);
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      {results.explanation ? (
        <section aria-label={r.explanation} data-testid="explanation">
          <p>{results.explanation[locale]}</p>
        </section>
      ) : null}
      {sentences.length > 0 ? (
        <section data-testid="robustness">
          <H>{r.robustness}</H>
          <ul>
            {sentences.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** A rendering's blocks: "blocked by D (median …)" with the reasons, or "not yet graded by D". */
export function Blocks({ rendering, t, locale }: { rendering: RecordRendering; t: Messages; locale: Locale }) {
  const r = t.decisionRecord.record;
  if (rendering.blocks.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="blocks">
      {rendering.blocks.map((b) => (
        <li key={b.delegation}>
          {b.median === null ? format(r.notGradedBy, { delegation: b.delegation }) : format(r.blockedBy, { delegation: b.delegation, median: gradeOf(b.median, locale) })}
          {b.reasons.length > 0 ? (
            <ul>
              {b.reasons.map((reason, i) => (
                <li key={i}>
                  “{reason.text}”{reason.voters > 1 ? ` ${format(r.reasonVoters, { count: reason.voters })}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Ranking, renderings, overall and per-delegation medians, blocks with reasons, and a last column. */
export function MediansTable({ facts, t, locale, targetLang, label, last }: {
  facts: RecordFacts;
  t: Messages;
  locale: Locale;
  targetLang: string;
  label: string;
  last?: { title: string; cell: (r: RecordRendering) => React.ReactNode };
}) {
  const d = t.facilitation.decision;
  const r = t.decisionRecord.record;
  return (
    // Focusable so that keyboard users can scroll it on narrow screens (axe: scrollable-region-focusable).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">{d.ranking}</th>
            <th scope="col">{t.term.candidates}</th>
            <th scope="col">{r.overall}</th>
            {facts.delegations.map((del) => (
              <th scope="col" key={del}>
                {del}
              </th>
            ))}
            <th scope="col">{r.blocks}</th>
            {last ? <th scope="col">{last.title}</th> : null}
          </tr>
        </thead>
        <tbody>
          {facts.renderings.map((x) => (
            <tr key={x.id}>
              <td>{x.rank ?? "—"}</td>
              <td>
                <span lang={targetLang}>{x.text}</span> <span className="pinyin">{x.pinyin}</span>
              </td>
              <td>{gradeOf(x.median, locale)}</td>
              {facts.delegations.map((del) => (
                <td key={del}>{gradeOf(x.medianByDelegation[del] ?? null, locale)}</td>
              ))}
              <td>
                <Blocks rendering={x} t={t} locale={locale} />
              </td>
              {last ? <td>{last.cell(x)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Voters per delegation and the pairwise summary of the leading renderings. */
export function VotersAndPairs({ facts, t }: { facts: RecordFacts; t: Messages }) {
  const r = t.decisionRecord.record;
  const textOf = (id: string) => facts.renderings.find((x) => x.id === id)?.text ?? id;
  return (
    <>
      <h3>{r.voters}</h3>
      <p>
        {format(r.votersTotal, { count: facts.voters })}
        {facts.votersByDelegation
          ? `: ${Object.entries(facts.votersByDelegation)
              .map(([del, n]) => `${del} ${n}`)
              .join(", ")}`
          : ""}
      </p>
      {facts.pairs.length > 0 ? (
        <>
          <h3>{r.pairwise}</h3>
          <p className="muted">{r.pairwiseHint}</p>
          <ul>
            {facts.pairs.map((p) => (
              <li key={`${p.x}-${p.y}`}>
                {format(r.pair, { x: textOf(p.x), y: textOf(p.y), xy: p.xy, yx: p.yx })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

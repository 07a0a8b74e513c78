import { format } from "@/lib/i18n";
import { GRADES, type Grade } from "@/lib/tally/grades";
import type { MeritProfile } from "@/lib/tally";
import type { ResultsView } from "./view";
import { ReasonQuote } from "./reason-quote";
import styles from "./results.module.css";

/** Best on the left, as majority-judgment profiles are usually drawn. */
const SCALE: Grade[] = [...GRADES].reverse();

/** Each rendering's merit profile as stacked bars, overall and per delegation, with its reject reasons. */
export type ArgumentCounts = Record<string, { for: number; against: number; question: number }>;

export function MeritProfiles({ view, arguments: args, summary }: { view: ResultsView; arguments: ArgumentCounts; summary: string }) {
  const { results, text, targetLang } = view;
  return (
    <>
      <h3>{text.profiles}</h3>
      <p className="muted">{text.profilesHint}</p>
      <ul className={styles.legend} aria-label={text.legend}>
        {SCALE.map((g) => (
          <li key={g}>
            <span className={styles.swatch} data-grade={g} aria-hidden="true" />
            {view.grade(g)}
          </li>
        ))}
      </ul>
      <ul className={styles.profiles}>
        {results.ranking.map((id) => {
          const r = results.renderings[id]!;
          const reasons = Object.entries(r.rejectReasons).filter(([, list]) => list.shown.length > 0);
          return (
            <li key={id} className={styles.profile}>
              <h4 lang={targetLang} className={styles.hanzi}>
                {r.text}
              </h4>
              <dl className={styles.bars}>
                <div className={styles.barRow}>
                  <dt>{text.allVoters}</dt>
                  <dd>
                    <MeritBar view={view} profile={r.profile} label={`${r.text}, ${text.allVoters}`} />
                    <span className={styles.barMedian}>{`${text.median}: ${view.grade(r.median)}`}</span>
                  </dd>
                </div>
                {results.delegations.map((d) => (
                  <div key={d} className={styles.barRow}>
                    <dt>{view.delegation(d)}</dt>
                    <dd>
                      <MeritBar view={view} profile={r.profileByDelegation[d]!} label={`${r.text}, ${view.delegation(d)}`} />
                      <span className={styles.barMedian}>{`${text.median}: ${view.grade(r.medianByDelegation[d] ?? null)}`}</span>
                    </dd>
                  </div>
                ))}
              </dl>
              {/* Why people grade as they do: the arguments, one click away, beside the grades. */}
              <p className="muted">
                <a href={`#r-${id}`}>{format(summary, args[id] ?? { for: 0, against: 0, question: 0 })}</a>
              </p>
              {reasons.length > 0 ? (
                <div className={styles.rejectReasons}>
                  <p>{text.rejectReasons}</p>
                  <ul>
                    {reasons.flatMap(([d, { shown, more }]) => {
                      return [
                        ...shown.map((reason, i) => (
                          <li key={`${d}-${i}`}>
                            <span className="muted">{`${view.delegation(d)}:`}</span> <ReasonQuote reason={reason} votersText={text.reasonVoters} />
                          </li>
                        )),
                        ...(more > 0
                          ? [
                              <li key={`${d}-more`} className="muted">
                                {`${view.delegation(d)}: ${format(text.moreReasons, { count: more })}`}
                              </li>,
                            ]
                          : []),
                      ];
                    })}
                  </ul>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/**
 * One stacked bar. Colours run from blue (excellent) to orange (reject), a pair that stays
 * apart for the common colour-vision deficiencies; reject is also hatched, every segment
 * carries its count, and the whole bar is an image labelled with every count for screen readers.
 * Kept lean (no class or title per segment): a term page draws 60 of these.
 */
export function MeritBar({ view, profile, label }: { view: ResultsView; profile: MeritProfile; label: string }) {
  const total = SCALE.reduce((sum, g) => sum + profile[g], 0);
  const description = `${label}: ${SCALE.map((g) => `${view.grade(g)} ${profile[g]}`).join(", ")}`;
  return (
    <div className={styles.bar} role="img" aria-label={description}>
      {total === 0 ? (
        <span className={styles.emptyBar}>{format(view.text.grades, { count: 0 })}</span>
      ) : (
        SCALE.filter((g) => profile[g] > 0).map((g) => (
          <span key={g} data-grade={g} style={{ flexGrow: profile[g] }}>
            {profile[g]}
          </span>
        ))
      )}
    </div>
  );
}

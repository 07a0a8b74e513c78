import { format } from "@/lib/i18n";
import type { ResultsView } from "./view";
import { TableTitle } from "./table-title";
import styles from "./results.module.css";

/** The ranking with the numbers it rests on: wins, medians overall and per delegation. */
export function RankingTable({ view }: { view: ResultsView }) {
  const { results, text, targetLang } = view;
  return (
    <>
      <TableTitle id="ranking" title={text.ranking} hint={text.rankingCaption} scrollHint={text.scrollHint} />
      {/* Focusable, so that keyboard users can scroll it on a narrow screen (axe: scrollable-region-focusable). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={text.ranking}>
      <table className={styles.table} aria-labelledby="ranking-title" aria-describedby="ranking-hint">
        <thead>
          <tr>
            {/* The key columns first, so that a phone shows them without scrolling. */}
            <th scope="col">{text.rank}</th>
            <th scope="col">{text.rendering}</th>
            <th scope="col">{text.median}</th>
            <th scope="col">{text.qualifies}</th>
            <th scope="col">{text.wins}</th>
            {results.delegations.map((d) => (
              <th scope="col" key={d}>
                {format(text.medianOf, { delegation: view.delegation(d) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.ranking.map((id, i) => {
            const r = results.renderings[id]!;
            return (
              <tr key={id} className={id === results.consensus ? styles.consensusRow : undefined}>
                <td>{i + 1}</td>
                <th scope="row" lang={targetLang} className={styles.hanzi}>
                  {r.text}
                </th>
                <td>{view.grade(r.median)}</td>
                <td>
                  {r.qualifies ? text.yes : null}
                  {r.blockedBy.length > 0
                    ? format(text.blockedBy, { delegations: r.blockedBy.map((b) => view.delegation(b.delegation)).join(text.listSeparator) })
                    : null}
                  {r.blockedBy.length > 0 && r.notYetGradedBy.length > 0 ? <br /> : null}
                  {r.notYetGradedBy.length > 0
                    ? format(text.notGradedBy, { delegations: r.notYetGradedBy.map(view.delegation).join(text.listSeparator) })
                    : null}
                  {!r.qualifies && r.blockedBy.length === 0 && r.notYetGradedBy.length === 0 ? text.none : null}
                </td>
                <td>{r.wins}</td>
                {results.delegations.map((d) => (
                  <td key={d}>{view.grade(r.medianByDelegation[d] ?? null)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </>
  );
}

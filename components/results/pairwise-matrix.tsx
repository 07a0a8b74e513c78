import type { ResultsView } from "./view";
import { TableTitle } from "./table-title";
import styles from "./results.module.css";

/**
 * d[X][Y]: voters who graded the row's rendering higher than the column's; marked where the row
 * wins the pair. 400 cells at 20 renderings, so each is as plain as it can be.
 */
export function PairwiseMatrix({ view }: { view: ResultsView }) {
  const { results, text, targetLang } = view;
  const ids = results.ranking;
  const d = results.pairwise;
  return (
    <>
      <TableTitle id="pairwise" title={text.pairwise} hint={text.pairwiseCaption} scrollHint={text.scrollHint} />
      {/* Focusable, so that keyboard users can scroll it on a narrow screen (axe: scrollable-region-focusable). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={text.pairwise}>
      <table className={`${styles.table} ${styles.matrix}`} aria-labelledby="pairwise-title" aria-describedby="pairwise-hint">
        <thead>
          <tr>
            <td />
            {ids.map((y) => (
              <th scope="col" key={y} lang={targetLang}>
                {view.rendering(y)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ids.map((x, i) => (
            <tr key={x}>
              <th scope="row" lang={targetLang}>
                {view.rendering(x)}
              </th>
              {ids.map((y, j) => {
                if (i === j) return <td key={y} className={styles.diagonal}>{text.none}</td>;
                const count = d[i]?.[j] ?? 0;
                return count > (d[j]?.[i] ?? 0) ? (
                  <td key={y} className={styles.win}>
                    {`${count} ✓`}
                    <span className="visually-hidden">{` ${text.winsPair}`}</span>
                  </td>
                ) : (
                  <td key={y}>{count}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </>
  );
}

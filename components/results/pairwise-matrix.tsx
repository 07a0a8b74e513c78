import type { ResultsView } from "./view";
import styles from "./results.module.css";

/** d[X][Y]: voters who graded the row's rendering higher than the column's; marked where the row wins the pair. */
export function PairwiseMatrix({ view }: { view: ResultsView }) {
  const { results, text, targetLang } = view;
  const ids = results.ranking;
  const d = (x: string, y: string) => results.pairwise[x]?.[y] ?? 0;
  return (
    // Focusable, so that keyboard users can scroll it on a narrow screen (axe: scrollable-region-focusable).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={text.pairwise}>
      <table className={`${styles.table} ${styles.matrix}`}>
        <caption>
          <span className={styles.caption}>{text.pairwise}</span>
          <span className={styles.captionHint}>{text.pairwiseCaption}</span>
        </caption>
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
          {ids.map((x) => (
            <tr key={x}>
              <th scope="row" lang={targetLang}>
                {view.rendering(x)}
              </th>
              {ids.map((y) => {
                if (x === y) return <td key={y} className={styles.diagonal}>{text.none}</td>;
                const wins = d(x, y) > d(y, x);
                return (
                  <td key={y} className={wins ? styles.win : undefined}>
                    {d(x, y)}
                    {wins ? (
                      <span className={styles.winMark}>
                        {" "}✓<span className={styles.srOnly}> {text.winsPair}</span>
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

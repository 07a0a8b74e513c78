import { format } from "@/lib/i18n";
import type { ShownReasons } from "@/lib/page-results";
import type { ResultsView } from "./view";
import { ReasonQuote } from "./reason-quote";
import styles from "./results.module.css";

/**
 * The consensus, or "no consensus yet"; either way, for each rendering ranked above it, which
 * delegation blocks it (a median below acceptable) with the reject reasons it gave, and which
 * has not graded it yet (not a block, but it keeps the rendering from qualifying).
 */
export function ConsensusBanner({ view }: { view: ResultsView }) {
  const { results, text, targetLang } = view;
  const consensus = results.consensus;
  const above = consensus ? results.ranking.slice(0, results.ranking.indexOf(consensus)) : results.ranking;
  return (
    <div role="region" aria-labelledby="consensus-label" className={consensus ? styles.consensus : styles.noConsensus}>
      <p id="consensus-label" className={styles.bannerLabel}>
        {consensus ? text.consensus : text.noConsensus}
      </p>
      {consensus ? (
        <p className={styles.bannerText} lang={targetLang}>
          {view.rendering(consensus)}
        </p>
      ) : null}
      <p className={styles.bannerHint}>{consensus ? text.consensusHint : text.noConsensusHint}</p>
      {above.length > 0 ? (
        <>
          {consensus ? <p className={styles.bannerHint}>{text.blockedAbove}</p> : null}
          <ul className={styles.blocks}>
            {above.map((id) => (
              <li key={id}>
                <span className={styles.blockedText} lang={targetLang}>{view.rendering(id)}</span>
                <Blocks view={view} id={id} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function Reasons({ reasons, label, more, votersText }: { reasons: ShownReasons; label: string; more: string; votersText: string }) {
  const { shown, more: others } = reasons;
  return (
    <ul className={styles.reasons} aria-label={label}>
      {shown.map((reason, i) => (
        <li key={i}>
          <ReasonQuote reason={reason} votersText={votersText} />
        </li>
      ))}
      {others > 0 ? <li className="muted">{format(more, { count: others })}</li> : null}
    </ul>
  );
}

function Blocks({ view, id }: { view: ResultsView; id: string }) {
  const { text } = view;
  const rendering = view.results.renderings[id];
  const blocks = rendering?.blockedBy ?? [];
  const ungraded = rendering?.notYetGradedBy ?? [];
  return (
    <ul>
      {blocks.map((b) => (
        <li key={b.delegation}>
          {format(text.blocks, { delegation: view.delegation(b.delegation), median: view.grade(b.median) })}
          {b.reasons.shown.length > 0 ? <Reasons reasons={b.reasons} label={text.reasons} more={text.moreReasons} votersText={text.reasonVoters} /> : null}
        </li>
      ))}
      {ungraded.length > 0 ? (
        <li>{format(text.notGradedBy, { delegations: ungraded.map(view.delegation).join(text.listSeparator) })}</li>
      ) : null}
    </ul>
  );
}

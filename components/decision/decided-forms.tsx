import { format, type Messages } from "@/lib/i18n";
import type { DecisionRenderingRef } from "@/lib/schemas/decision";

/**
 * A rendering as a decision names it: the form, its pinyin, and its synonym class and usage
 * region (issue 14) in the reader's language. Used by the term page's decision panel and the
 * decision record page.
 */
export function DecidedForm({ r, t, targetLang, strong = false }: { r: DecisionRenderingRef; t: Messages; targetLang: string; strong?: boolean }) {
  const text = strong ? (
    <strong lang={targetLang} className="hanzi">
      {r.text}
    </strong>
  ) : (
    <span lang={targetLang}>{r.text}</span>
  );
  const about = [r.synonymClass ? t.records.classes[r.synonymClass] : null, r.region ? t.records.regions[r.region] : null].filter(Boolean).join(" · ");
  return (
    <span data-testid={`decided-${r.id}`}>
      {text} <span className="pinyin">{r.pinyin}</span>
      {about ? <span className="muted"> ({about})</span> : null}
    </span>
  );
}

/** A list of decided forms, or "none". */
export function DecidedList({ list, t, targetLang }: { list: DecisionRenderingRef[]; t: Messages; targetLang: string }) {
  if (list.length === 0) return <span className="muted">{t.facilitation.decision.none}</span>;
  return list.map((r, i) => (
    <span key={r.id}>
      {i > 0 ? "、" : null}
      <DecidedForm r={r} t={t} targetLang={targetLang} />
    </span>
  ));
}

/** The adopted regional variants (择优选用, 求同存异), one line per region; nothing when there are none. */
export function RegionalRows({ regional, t, targetLang }: { regional: DecisionRenderingRef[]; t: Messages; targetLang: string }) {
  if (regional.length === 0) return null;
  return (
    <>
      <dt>{t.records.regional}</dt>
      <dd>
        <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
          {regional.map((r) => (
            <li key={r.id}>
              {r.region ? `${format(t.records.adoptedFor, { region: t.records.regions[r.region] })}: ` : null}
              <DecidedForm r={{ ...r, region: null }} t={t} targetLang={targetLang} strong />
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

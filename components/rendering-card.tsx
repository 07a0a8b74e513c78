import type { RenderingView } from "@/lib/schemas/term";
import type { Locale, Messages } from "@/lib/i18n";
import { byline } from "@/lib/i18n/byline";

/** A candidate rendering; `children` (the viewer's grades for it, when they grade) closes the card. */
export function RenderingCard({ rendering: r, targetLang, t, locale, children }: { rendering: RenderingView; targetLang: string; t: Messages; locale: Locale; children?: React.ReactNode }) {
  const proposer = r.proposer ? byline(r.proposer, locale) : r.proposerLabel;
  return (
    <section className="card rendering" id={`r-${r.id}`} aria-labelledby={`r-${r.id}-text`}>
      <h3 className="hanzi" id={`r-${r.id}-text`} lang={targetLang} dir="auto" style={{ margin: 0 }}>
        {r.text}
      </h3>
      <dl>
        <dt>{t.term.pinyin}</dt>
        <dd className="pinyin" lang={`${targetLang.split("-")[0]}-Latn-pinyin`} dir="auto">
          {r.pinyin}
        </dd>
        <dt>{t.term.gloss}</dt>
        <dd lang="en" dir="auto">
          {r.gloss}
        </dd>
        {r.traditional && r.traditional !== r.text ? (
          <>
            <dt>{t.term.traditional}</dt>
            <dd lang="zh-Hant" dir="auto">
              {r.traditional}
            </dd>
          </>
        ) : null}
        {r.rationale ? (
          <>
            <dt>{t.term.rationale}</dt>
            <dd dir="auto">{r.rationale}</dd>
          </>
        ) : null}
        {r.region ? (
          <>
            <dt>{t.records.region}</dt>
            <dd data-testid="rendering-region">{t.records.regions[r.region]}</dd>
          </>
        ) : null}
        {r.synonymClass ? (
          <>
            <dt>{t.records.synonymClass}</dt>
            <dd>{t.records.classes[r.synonymClass]}</dd>
          </>
        ) : null}
        <dt>{t.term.proposedBy}</dt>
        <dd dir="auto">{proposer}</dd>
      </dl>
      {children}
    </section>
  );
}

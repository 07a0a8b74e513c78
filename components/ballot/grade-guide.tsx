import type { Locale, Messages } from "@/lib/i18n";
import { GRADES, GRADE_LABELS } from "@/lib/tally/grades";
import styles from "./grade-row.module.css";

/**
 * What each grade means, folded: one line per grade, best first, each named in both languages
 * (the reader's first) beside its colour on the cards. Plain HTML (`<details>`), no JavaScript.
 */
export function GradeGuide({ t, locale }: { t: Messages; locale: Locale }) {
  const text = t.ballot.guide;
  const other = locale === "zh" ? "en" : "zh";
  const name = (label: { en: string; zh: string }) => (
    <>
      <span lang={locale === "zh" ? "zh-Hans" : "en"}>{label[locale]}</span> <span lang={other === "zh" ? "zh-Hans" : "en"} className="muted">{label[other]}</span>
    </>
  );
  return (
    <details className={styles.guide}>
      <summary>{text.title}</summary>
      <dl>
        {[...GRADES].reverse().map((g) => (
          <div key={g}>
            <dt>
              <span className={styles.swatch} data-grade={g} aria-hidden="true" /> {name(GRADE_LABELS[g])}
            </dt>
            <dd>{text[g]}</dd>
          </div>
        ))}
        <div>
          <dt>{name({ en: "No opinion", zh: "无意见" })}</dt>
          <dd>{text.noOpinion}</dd>
        </div>
      </dl>
      <p>
        <a href="/method">{text.more}</a>
      </p>
    </details>
  );
}

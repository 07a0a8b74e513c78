"use client";

import { GRADES, GRADE_LABELS, type Grade } from "@/lib/tally/grades";
import { REASON_MAX } from "@/lib/schemas/ballot-form";
import { useMemberMessages, useTermViewer } from "@/components/member/member-provider";
import { BALLOT_FORM_ID, shownValues, useBallotScope } from "./ballot-scope";
import { fieldAnchor, translateError } from "./field-errors";
import styles from "./grade-row.module.css";

/** "No opinion", like the grades, in both languages. */
const NO_OPINION = { en: "No opinion", zh: "无意见" };

export type GradeRowProps = { renderingId: string; text: string; targetLang: string; locale: "en" | "zh" };

/** A grade's label in both languages, the reader's first. */
function Label({ label, locale }: { label: { en: string; zh: string }; locale: "en" | "zh" }) {
  const other = locale === "zh" ? "en" : "zh";
  return (
    <span className={styles.name}>
      <span lang={locale === "zh" ? "zh-Hans" : "en"}>{label[locale]}</span> <span lang={other === "zh" ? "zh-Hans" : "en"} className={styles.other}>{label[other]}</span>
    </span>
  );
}

/**
 * One rendering's part of the ballot, on its card: the six grades as one ordered row from reject
 * to excellent in the merit profiles' colours, "no opinion", and the reason a reject needs
 * (shown by CSS when reject is chosen, so also without JavaScript). The inputs belong to the
 * ballot's one form (`form=`): arrow keys move within this rendering's grades, one Save sends all.
 */
export function GradeRow({ renderingId: id, text: renderingText, targetLang, locale }: GradeRowProps) {
  const text = useMemberMessages().ballot.form;
  const { state, clientFields, draft, choose, touch } = useBallotScope();
  const stored = useTermViewer().viewer?.ballot ?? null;
  const values = shownValues(state, stored);
  const fields = clientFields ?? (state.status === "error" ? state.fields : {});
  const errorOf = (key: string) => fields[key]?.map((m) => translateError(m, text)).join(" ");
  const gradeError = errorOf(`grades.${id}`);
  const reasonError = errorOf(`reasons.${id}`);
  const chosen = draft?.[id] ?? values.grades[id] ?? "";
  const radio = (value: Grade | "") => (
    <input type="radio" form={BALLOT_FORM_ID} name={`grades.${id}`} value={value} defaultChecked={(values.grades[id] ?? "") === value}
      onChange={() => choose(id, value)} aria-invalid={gradeError ? true : undefined} />
  );
  return (
    <fieldset id={fieldAnchor(`grades.${id}`)} className={styles.row} data-testid="grade-row"
      aria-describedby={gradeError ? `grade-error-${id}` : undefined}>
      <legend>
        {text.yourGrade}
        <span className="visually-hidden" lang={targetLang}>{` ${renderingText}`}</span>
      </legend>
      <div className={styles.scale}>
        {GRADES.map((grade) => (
          <label key={grade} className={styles.grade} data-grade={grade}>
            {radio(grade)}
            <Label label={GRADE_LABELS[grade]} locale={locale} />
          </label>
        ))}
        <span className={styles.ends} aria-hidden="true">
          <span>{GRADE_LABELS.reject[locale]}</span>
          <span>{GRADE_LABELS.excellent[locale]}</span>
        </span>
      </div>
      <label className={styles.noOpinion} data-grade="none">
        {radio("")}
        <Label label={NO_OPINION} locale={locale} />
      </label>
      {gradeError ? <p id={`grade-error-${id}`} className={styles.fieldError}>{gradeError}</p> : null}
      <div className={styles.reason}>
        <label htmlFor={fieldAnchor(`reasons.${id}`)}>{text.reason}</label>
        <textarea id={fieldAnchor(`reasons.${id}`)} form={BALLOT_FORM_ID} name={`reasons.${id}`} rows={2} maxLength={REASON_MAX}
          defaultValue={values.reasons[id] ?? ""} aria-required={chosen === "reject"} onChange={touch}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={`reason-hint-${id}${reasonError ? ` reason-error-${id}` : ""}`} />
        <p id={`reason-hint-${id}`} className={styles.hint}>{text.reasonHint}</p>
        {reasonError ? <p id={`reason-error-${id}`} className={styles.fieldError}>{reasonError}</p> : null}
      </div>
    </fieldset>
  );
}

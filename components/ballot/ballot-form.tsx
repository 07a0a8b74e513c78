"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { GRADES, GRADE_LABELS } from "@/lib/tally/grades";
import { NOTE_MAX, REASON_MAX, type BallotFormState } from "@/lib/schemas/ballot-form";
import { loadBrowserChecks } from "@/components/forms/load-browser-checks";
import { format, type Messages } from "@/lib/i18n";
import { fieldAnchor, translateCode, translateError } from "./field-errors";
import styles from "./ballot.module.css";
import { Bilingual } from "@/components/bilingual";

type Text = Messages["ballot"]["form"];
type Rendering = { id: string; text: string; pinyin: string };
type Props = {
  action: (previous: BallotFormState, form: FormData) => Promise<BallotFormState>;
  renderings: Rendering[];
  initial: BallotFormState;
  text: Text;
  targetLang: string;
  /** Told of each save that succeeded (with JavaScript), e.g. to refresh what shows the revision. */
  onSaved?: (revision: number) => void;
};

/** Highest first, as a scholar reads a scale; "no opinion" last. */
const SCALE = [...GRADES].reverse();
/** Like the grades, shown in both languages. */
const NO_OPINION = { en: "No opinion", zh: "无意见" };

/**
 * The ballot: one radio group per rendering, a reason that shows when "reject" is chosen (by
 * CSS, so also without JavaScript), a note, one Save button. Without JavaScript it is a plain
 * form post to the server action; with it, the shared schema checks the input first and the
 * save runs in the background, keeping what the scholar typed whatever happens.
 */
export function BallotForm({ action, renderings, initial, text, targetLang, onSaved }: Props) {
  const [state, formAction, pending] = useActionState(action, initial);
  const [clientFields, setClientFields] = useState<Record<string, string[]> | null>(null);
  const [dirty, setDirty] = useState(false);
  const [rejecting, setRejecting] = useState(() => rejectsOf(initial.values.grades));
  const summary = useRef<HTMLDivElement>(null);

  const fields = clientFields ?? (state.status === "error" ? state.fields : {});
  const failed = clientFields !== null || state.status === "error";
  useEffect(() => {
    if (failed) summary.current?.focus();
  }, [failed, state, clientFields]);
  const told = useRef(state);
  useEffect(() => {
    if (state === told.current) return;
    told.current = state;
    if (state.status === "saved") onSaved?.(state.revision);
  }, [state, onSaved]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    // The shared schema comes with its own chunk (zod); should it fail to load, the server checks.
    void loadBrowserChecks()
      .then(({ ballotFieldErrors }) => ballotFieldErrors(form), () => null)
      .then((errors) => {
        if (errors) {
          setClientFields(errors);
          return;
        }
        setClientFields(null);
        setDirty(false);
        startTransition(() => formAction(form));
      });
  }

  function changed(event: FormEvent<HTMLFormElement>) {
    setDirty(true);
    const input = event.target as HTMLInputElement;
    if (input.type !== "radio" || !input.name.startsWith("grades.")) return;
    const id = input.name.slice("grades.".length);
    setRejecting((now) => {
      const next = new Set(now);
      if (input.value === "reject") next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const values = state.values;
  const errorOf = (key: string) => fields[key]?.map((m) => translateError(m, text)).join(" ");
  const labelOf = (key: string) => {
    const [kind, ...rest] = key.split(".");
    const r = renderings.find((x) => x.id === rest.join("."));
    if (kind === "note") return text.note;
    return r ? `${r.text}${kind === "reasons" ? ` — ${text.reason}` : ""}` : key;
  };
  const status = pending
    ? text.saving
    : state.status === "saved" && !dirty
      ? format(text.saved, { revision: state.revision })
      : dirty
        ? text.unsaved
        : "";

  return (
    <form action={formAction} onSubmit={submit} onChange={changed} onFocus={() => void loadBrowserChecks()} className={styles.form}>
      {failed ? (
        <div ref={summary} tabIndex={-1} role="alert" className={styles.errorSummary}>
          <p>
            <strong>
              {!clientFields && state.error && state.error !== "invalid"
                ? translateCode(state.error, text)
                : text.errors.summary}
            </strong>
          </p>
          {Object.keys(fields).length > 0 ? (
            <ul>
              {Object.keys(fields).map((key) => (
                <li key={key}>
                  <a href={`#${fieldAnchor(key)}`}>{labelOf(key)}</a>: {errorOf(key)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {renderings.map((r) => {
        const gradeError = errorOf(`grades.${r.id}`);
        const reasonError = errorOf(`reasons.${r.id}`);
        return (
          <fieldset key={r.id} id={fieldAnchor(`grades.${r.id}`)} className={styles.rendering}
            aria-describedby={gradeError ? `grade-error-${r.id}` : undefined}>
            <legend>
              <span className={styles.hanzi} lang={targetLang}>{r.text}</span>{" "}
              <span className="pinyin">{r.pinyin}</span>
            </legend>
            <div className={styles.scale}>
              {SCALE.map((grade) => (
                <label key={grade} className={styles.grade} data-grade={grade}>
                  <input type="radio" name={`grades.${r.id}`} value={grade} defaultChecked={values.grades[r.id] === grade}
                    aria-invalid={gradeError ? true : undefined} />
                  <Bilingual label={GRADE_LABELS[grade]} first={text.labelsFirst} />
                </label>
              ))}
              <label className={styles.grade} data-grade="none">
                <input type="radio" name={`grades.${r.id}`} value="" defaultChecked={!values.grades[r.id]} />
                <Bilingual label={NO_OPINION} first={text.labelsFirst} />
              </label>
            </div>
            {gradeError ? <p id={`grade-error-${r.id}`} className={styles.fieldError}>{gradeError}</p> : null}
            <div className={styles.reason}>
              <label htmlFor={fieldAnchor(`reasons.${r.id}`)}>{text.reason}</label>
              <textarea id={fieldAnchor(`reasons.${r.id}`)} name={`reasons.${r.id}`} rows={2} maxLength={REASON_MAX}
                defaultValue={values.reasons[r.id] ?? ""} aria-required={rejecting.has(r.id)}
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={`reason-hint-${r.id}${reasonError ? ` reason-error-${r.id}` : ""}`} />
              <p id={`reason-hint-${r.id}`} className={styles.hint}>{text.reasonHint}</p>
              {reasonError ? <p id={`reason-error-${r.id}`} className={styles.fieldError}>{reasonError}</p> : null}
            </div>
          </fieldset>
        );
      })}

      <div className={styles.note}>
        <label htmlFor={fieldAnchor("note")}>{text.note}</label>
        <textarea id={fieldAnchor("note")} name="note" rows={2} maxLength={NOTE_MAX} defaultValue={values.note}
          aria-describedby="ballot-note-hint" aria-invalid={fields.note ? true : undefined} />
        <p id="ballot-note-hint" className={styles.hint}>{format(text.noteHint, { max: NOTE_MAX })}</p>
        {fields.note ? <p className={styles.fieldError}>{errorOf("note")}</p> : null}
      </div>

      <div className={styles.actions}>
        <button type="submit" aria-disabled={pending}>{pending ? text.saving : text.save}</button>
        <p role="status" className={state.status === "saved" && !dirty && !pending ? styles.saved : styles.hint}>
          {status}
        </p>
      </div>
    </form>
  );
}

function rejectsOf(grades: Record<string, string>): Set<string> {
  return new Set(Object.entries(grades).flatMap(([id, g]) => (g === "reject" ? [id] : [])));
}

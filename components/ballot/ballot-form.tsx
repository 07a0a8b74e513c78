"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { NOTE_MAX, type BallotFormState } from "@/lib/schemas/ballot-form";
import { loadBrowserChecks } from "@/components/forms/load-browser-checks";
import { format, type Messages } from "@/lib/i18n";
import { BALLOT_FORM_ID, EMPTY_BALLOT_STATE, shownValues, useBallotScope, usePublishBallotAction } from "./ballot-scope";
import { fieldAnchor, translateCode, translateError } from "./field-errors";
import styles from "./ballot.module.css";

import { GradeRow } from "./grade-row";
import { BallotSummary } from "./ballot-summary";

// The grade rows and the summary load with the form, as one chunk: the cards and the page take
// them from here (grading-slots.tsx), and the plain page draws them in the form.
export { GradeRow, BallotSummary };

type Text = Messages["ballot"]["form"];
type Rendering = { id: string; text: string };
type Props = {
  /**
   * The bound action, made by the caller: bound here, each render would make a new one, and the
   * server's render of a post (no JavaScript) waits for a bound action's arguments to be encoded
   * and renders again — forever, with a new action each time.
   */
  action: (previous: BallotFormState, form: FormData) => Promise<BallotFormState>;
  renderings: Rendering[];
  /**
   * Draw the grade rows and the summary here, in the form, rather than on the cards and after
   * the section: on the page rendered for a member (without JavaScript), where the server's
   * answer to a post reaches only what the form draws.
   */
  rows?: { targetLang: string; locale: "en" | "zh" };
  /** The viewer's stored ballot, shown until a save answers. */
  stored: BallotFormState["values"];
  text: Text;
  /** Told of each save that succeeded (with JavaScript), e.g. to refresh what shows the revision. */
  onSaved?: (revision: number) => void;
};

/**
 * The ballot's form: what went wrong, the note. Its grades and reasons are on the renderings'
 * cards (grade-row.tsx; in the form itself on the plain page) and its Save in the summary that
 * stays in view (ballot-summary.tsx), all bound to this form by `form=` and sharing its
 * action's state (ballot-scope.tsx). Without JavaScript it
 * is one plain form post to the server action; with it, the shared schema checks the input
 * first and the save runs in the background, keeping what the scholar typed whatever happens.
 */
export function BallotForm({ action, renderings, rows, stored, text, onSaved }: Props) {
  const [state, formAction, pending] = useActionState(action, EMPTY_BALLOT_STATE);
  usePublishBallotAction({ state, formAction, pending });
  const { clientFields, setClientFields, touch, sent } = useBallotScope();
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
        sent();
        startTransition(() => formAction(form));
      });
  }

  const values = shownValues(state, stored);
  const errorOf = (key: string) => fields[key]?.map((m) => translateError(m, text)).join(" ");
  const labelOf = (key: string) => {
    const [kind, ...rest] = key.split(".");
    const r = renderings.find((x) => x.id === rest.join("."));
    if (kind === "note") return text.note;
    return r ? `${r.text}${kind === "reasons" ? ` — ${text.reason}` : ""}` : key;
  };
  return (
    <form id={BALLOT_FORM_ID} action={formAction} onSubmit={submit} onChange={touch} onFocus={() => void loadBrowserChecks()} className={styles.form}>
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

      {rows ? renderings.map((r) => <GradeRow key={r.id} renderingId={r.id} text={r.text} targetLang={rows.targetLang} locale={rows.locale} />) : null}

      <div className={styles.note}>
        <label htmlFor={fieldAnchor("note")}>{text.note}</label>
        <textarea id={fieldAnchor("note")} name="note" rows={2} maxLength={NOTE_MAX} defaultValue={values.note}
          aria-describedby="ballot-note-hint" aria-invalid={fields.note ? true : undefined} />
        <p id="ballot-note-hint" className={styles.hint}>{format(text.noteHint, { max: NOTE_MAX })}</p>
        {fields.note ? <p className={styles.fieldError}>{errorOf("note")}</p> : null}
      </div>
      {rows ? <BallotSummary renderingIds={renderings.map((r) => r.id)} /> : null}
    </form>
  );
}

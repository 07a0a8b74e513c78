"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { format, type Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import type { Stage } from "@/lib/schemas/term";
import { isStepBack } from "@/lib/term-stages";
import { useActionForm, valueOf } from "@/components/forms/use-action-form";
import { FieldErrors, FormOutcome, hasFieldError } from "@/components/forms/form-feedback";
import styles from "@/components/forms/forms.module.css";
import stageStyles from "./stage-form.module.css";

/**
 * Moving the term to another stage, with an optional consultation deadline (read as UTC). The
 * next stage forward is chosen first; a step back is confirmed in the page before it is sent
 * (without JavaScript the server refuses it once and the page shows the same confirmation,
 * whose button sends `confirmBack`). The deadline field shows only for a consultation (CSS).
 */
export function StageForm({ action, current, targets, deadline, stageNames, t, forms }: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  current: Stage;
  /** lib/term-stages.ts stageChoices: the default first. */
  targets: Stage[];
  /** The current deadline as yyyy-mm-ddThh:mm (UTC), or "". */
  deadline: string;
  stageNames: Messages["stage"];
  t: Messages["facilitation"];
  forms: Messages["forms"];
}) {
  const { state, pending, formProps } = useActionForm(action);
  const [to, setTo] = useState<Stage>(() => (valueOf(state, "stage", targets[0] ?? current) as Stage));
  const [asking, setAsking] = useState(false);
  // The server's refusal (without JavaScript, or a race) asks too, until cancelled.
  const [dismissed, setDismissed] = useState<number | undefined>();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  // A move made: the control offers the new stage's next step (adjusted while rendering).
  const [shownFor, setShownFor] = useState(current);
  if (shownFor !== current) {
    setShownFor(current);
    setTo(targets[0] ?? current);
    setAsking(false);
  }
  const refused = state.status === "error" && state.reason === "confirm_required" && dismissed !== state.at;
  const confirming = (asking || refused) && isStepBack(current, to);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (isStepBack(current, to) && submitter?.name !== "confirmBack") {
      e.preventDefault();
      setAsking(true);
      return;
    }
    setAsking(false);
    formProps.onSubmit(e);
  };
  const cancel = () => {
    setAsking(false);
    setDismissed(state.at);
    selectRef.current?.focus();
  };
  const done = state.status === "ok" && state.result?.stage ? format(t.stage.done, { stage: stageNames[state.result.stage as Stage] }) : undefined;
  const label = (s: Stage) => (s === current ? t.stage.setDeadline : s === "published" ? t.stage.publishOption : stageNames[s]);
  return (
    <form {...formProps} onSubmit={onSubmit} className={`${styles.inline} ${stageStyles.form}`} aria-busy={pending} noValidate>
      <div className={styles.field}>
        <label htmlFor="stage-to">{t.stage.moveTo}</label>
        <select
          ref={selectRef}
          id="stage-to"
          name="stage"
          value={to}
          onChange={(e) => {
            setTo(e.target.value as Stage);
            setAsking(false);
          }}
          aria-invalid={hasFieldError(state, "stage") || undefined}
          aria-describedby={hasFieldError(state, "stage") ? "stage-to-error" : undefined}
        >
          {targets.map((s) => (
            <option key={s} value={s}>
              {label(s)}
            </option>
          ))}
        </select>
        <FieldErrors id="stage-to-error" state={state} name="stage" dict={t.errors} />
      </div>
      <div className={`${styles.field} ${stageStyles.deadline}`}>
        <label htmlFor="stage-deadline">{t.stage.deadline}</label>
        <input
          id="stage-deadline"
          name="deadline"
          type="datetime-local"
          defaultValue={valueOf(state, "deadline", deadline)}
          aria-describedby={`stage-deadline-hint${hasFieldError(state, "deadline") ? " stage-deadline-error" : ""}`}
          aria-invalid={hasFieldError(state, "deadline") || undefined}
        />
        <p className={styles.hint} id="stage-deadline-hint">
          {t.stage.deadlineHint}
        </p>
        <FieldErrors id="stage-deadline-error" state={state} name="deadline" dict={t.errors} />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? t.stage.submitting : t.stage.submit}
      </button>
      {confirming ? (
        <div
          role="group"
          aria-labelledby="stage-back-title"
          className={stageStyles.confirm}
          onKeyDown={(e) => {
            if (e.key === "Escape") cancel();
          }}
        >
          <p id="stage-back-title">
            <strong>{format(t.stage.backTitle, { stage: stageNames[to] })}</strong>
          </p>
          <p id="stage-back-what">{to === "draft" ? t.stage.backDraft : t.stage.backConsultation}</p>
          <button ref={confirmRef} type="submit" name="confirmBack" value="on" disabled={pending} aria-describedby="stage-back-what">
            {t.stage.confirmBack}
          </button>{" "}
          <button type="button" onClick={cancel}>
            {t.stage.cancelBack}
          </button>
        </div>
      ) : null}
      <FormOutcome state={state.reason === "confirm_required" ? { status: "idle" } : state} forms={forms} success={done}>
        {state.status === "error" && state.reason === "has_ballots" ? <p>{t.errors.has_ballots}</p> : undefined}
      </FormOutcome>
    </form>
  );
}

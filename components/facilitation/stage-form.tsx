"use client";
import { format, type Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import type { Stage } from "@/lib/schemas/term";
import { useActionForm, valueOf } from "@/components/forms/use-action-form";
import { FieldErrors, FormOutcome, hasFieldError } from "@/components/forms/form-feedback";
import styles from "@/components/forms/forms.module.css";

/** Moving the term to another stage, with an optional consultation deadline (read as UTC). */
export function StageForm({ action, current, targets, deadline, stageNames, t, forms }: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  current: Stage;
  targets: Stage[];
  /** The current deadline as yyyy-mm-ddThh:mm (UTC), or "". */
  deadline: string;
  stageNames: Messages["stage"];
  t: Messages["facilitation"];
  forms: Messages["forms"];
}) {
  const { state, pending, formProps } = useActionForm(action);
  const done = state.status === "ok" && state.result?.stage ? format(t.stage.done, { stage: stageNames[state.result.stage as Stage] }) : undefined;
  return (
    <form {...formProps} className={styles.inline} aria-busy={pending} noValidate>
      <div className={styles.field}>
        <label htmlFor="stage-to">{t.stage.moveTo}</label>
        <select id="stage-to" name="stage" defaultValue={valueOf(state, "stage", targets[0] ?? current)} aria-invalid={hasFieldError(state, "stage") || undefined} aria-describedby={hasFieldError(state, "stage") ? "stage-to-error" : undefined}>
          {targets.map((s) => (
            <option key={s} value={s}>
              {s === current ? t.stage.setDeadline : stageNames[s]}
            </option>
          ))}
        </select>
        <FieldErrors id="stage-to-error" state={state} name="stage" dict={t.errors} />
      </div>
      <div className={styles.field}>
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
      <FormOutcome state={state} forms={forms} success={done}>
        {state.status === "error" && state.reason === "has_ballots" ? <p>{t.errors.has_ballots}</p> : undefined}
      </FormOutcome>
    </form>
  );
}

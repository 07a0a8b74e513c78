"use client";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import { useActionForm, valueOf } from "@/components/forms/use-action-form";
import { FieldErrors, FormOutcome, hasFieldError } from "@/components/forms/form-feedback";
import { OneButtonForm } from "@/components/forms/one-button-form";
import styles from "@/components/forms/forms.module.css";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;
type Props = {
  renderingId: string;
  current: { gloss: string; rationale: string; pinyin: string };
  editAction: Action;
  withdrawAction: Action;
  t: Messages["proposal"];
  forms: Messages["forms"];
};

/** The proposer's own rendering: correct the gloss, rationale or pinyin, or withdraw it. */
export function OwnRenderingControls({ renderingId, current, editAction, withdrawAction, t, forms }: Props) {
  const edit = useActionForm(editAction);
  const id = (name: string) => `edit-${renderingId}-${name}`;
  const field = (name: "gloss" | "rationale" | "pinyin") => ({
    id: id(name),
    name,
    defaultValue: valueOf(edit.state, name, current[name]),
    "aria-invalid": hasFieldError(edit.state, name) || undefined,
    "aria-describedby": hasFieldError(edit.state, name) ? id(`${name}-error`) : undefined,
  });
  return (
    <div>
      <p className="muted">{t.yours}</p>
      <details open={edit.state.status === "error" || undefined}>
        <summary>{t.edit}</summary>
        <form {...edit.formProps} className={styles.stack} aria-busy={edit.pending} noValidate>
          <div className={styles.field}>
            <label htmlFor={id("gloss")}>{t.gloss}</label>
            <input {...field("gloss")} lang="en" maxLength={200} />
            <FieldErrors id={id("gloss-error")} state={edit.state} name="gloss" dict={t.errors} />
          </div>
          <div className={styles.field}>
            <label htmlFor={id("rationale")}>{t.rationale}</label>
            <textarea {...field("rationale")} rows={3} maxLength={2000} />
            <FieldErrors id={id("rationale-error")} state={edit.state} name="rationale" dict={t.errors} />
          </div>
          <div className={styles.field}>
            <label htmlFor={id("pinyin")}>{t.pinyin}</label>
            <input {...field("pinyin")} lang="zh-Latn-pinyin" maxLength={200} />
            <p className={styles.hint}>{t.pinyinHint}</p>
            <FieldErrors id={id("pinyin-error")} state={edit.state} name="pinyin" dict={t.errors} />
          </div>
          <FormOutcome state={edit.state} forms={forms} success={t.saved} />
          <div>
            <button type="submit" disabled={edit.pending}>
              {edit.pending ? t.saving : t.save}
            </button>
          </div>
        </form>
      </details>
      <OneButtonForm
        action={withdrawAction}
        label={t.withdraw}
        busy={t.withdrawing}
        forms={forms}
        success={t.withdrawn}
        hint={<p className={styles.hint}>{t.withdrawHint}</p>}
        refusal={(state) => (state.reason === "graded_by_others" ? <p>{t.gradedByOthers}</p> : null)}
        inline={false}
        outcomeFirst
      />
    </div>
  );
}

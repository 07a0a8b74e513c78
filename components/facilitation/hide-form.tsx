"use client";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import { useActionForm, valueOf } from "@/components/forms/use-action-form";
import { FieldErrors, FormOutcome } from "@/components/forms/form-feedback";
import styles from "@/components/forms/forms.module.css";

/** Hiding a rendering or a comment, with a reason the author is told. */
export function HideForm({ formId, action, t, forms }: {
  formId: string;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  t: Messages["facilitation"];
  forms: Messages["forms"];
}) {
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className={styles.inline} aria-busy={pending}>
      <div className={styles.field}>
        <label htmlFor={`${formId}-reason`}>{t.hide.reason}</label>
        <input id={`${formId}-reason`} name="reason" maxLength={500} defaultValue={valueOf(state, "reason")} />
        <FieldErrors id={`${formId}-reason-error`} state={state} name="reason" dict={t.errors} />
      </div>
      <button type="submit" className={styles.secondary} disabled={pending}>
        {pending ? t.hide.submitting : t.hide.submit}
      </button>
      <FormOutcome state={state} forms={forms} success={t.hide.done} />
    </form>
  );
}

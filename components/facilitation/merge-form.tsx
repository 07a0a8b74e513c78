"use client";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import { useActionForm, valueOf } from "@/components/forms/use-action-form";
import { FieldErrors, FormOutcome } from "@/components/forms/form-feedback";
import styles from "@/components/forms/forms.module.css";

/** Merging this rendering (a duplicate) into another one of the term. */
export function MergeForm({ formId, action, others, t, forms, targetLang }: {
  formId: string;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  others: { id: string; text: string }[];
  t: Messages["facilitation"];
  forms: Messages["forms"];
  targetLang: string;
}) {
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className={styles.inline} aria-busy={pending}>
      <div className={styles.field}>
        <label htmlFor={`${formId}-into`}>{t.merge.label}</label>
        <select id={`${formId}-into`} name="into" required defaultValue={valueOf(state, "into")} lang={targetLang}>
          <option value="">{t.merge.choose}</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.text}
            </option>
          ))}
        </select>
        <p className={styles.hint}>{t.merge.hint}</p>
        <FieldErrors id={`${formId}-into-error`} state={state} name="into" dict={t.errors} />
      </div>
      <button type="submit" className={styles.secondary} disabled={pending}>
        {pending ? t.merge.submitting : t.merge.submit}
      </button>
      <FormOutcome state={state} forms={forms} success={t.merge.done} />
    </form>
  );
}

"use client";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import { fieldMessages, useActionForm, valueOf } from "@/components/forms/use-action-form";
import { FormOutcome } from "@/components/forms/form-feedback";
import { SelectField } from "@/components/forms/field";
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
    <form {...formProps} className={styles.inline} aria-busy={pending} noValidate>
      <SelectField
        label={t.merge.label}
        name="into"
        id={`${formId}-into`}
        required
        lang={targetLang}
        defaultValue={valueOf(state, "into")}
        options={[{ value: "", label: t.merge.choose }, ...others.map((o) => ({ value: o.id, label: o.text }))]}
        hint={t.merge.hint}
        error={fieldMessages(state, t.errors)("into")}
      />
      <button type="submit" className={styles.secondary} disabled={pending}>
        {pending ? t.merge.submitting : t.merge.submit}
      </button>
      <FormOutcome state={state} forms={forms} success={t.merge.done} />
    </form>
  );
}

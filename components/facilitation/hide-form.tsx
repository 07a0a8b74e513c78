"use client";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import { fieldMessages, useActionForm, valueOf } from "@/components/forms/use-action-form";
import { FormOutcome } from "@/components/forms/form-feedback";
import { TextField } from "@/components/forms/field";
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
    <form {...formProps} className={styles.inline} aria-busy={pending} noValidate>
      <TextField label={t.hide.reason} name="reason" id={`${formId}-reason`} maxLength={500} defaultValue={valueOf(state, "reason")} error={fieldMessages(state, t.errors)("reason")} />
      <button type="submit" className={styles.secondary} disabled={pending}>
        {pending ? t.hide.submitting : t.hide.submit}
      </button>
      <FormOutcome state={state} forms={forms} success={t.hide.done} />
    </form>
  );
}

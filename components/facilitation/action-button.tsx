"use client";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormOutcome } from "@/components/forms/form-feedback";
import styles from "@/components/forms/forms.module.css";

/** One button bound to an action without fields (restore, undo), with its outcome. */
export function ActionButton({ action, label, busy, forms, success }: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  label: string;
  busy: string;
  forms: Messages["forms"];
  success?: string;
}) {
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} aria-busy={pending} style={{ display: "inline" }}>
      <button type="submit" className={styles.secondary} disabled={pending}>
        {pending ? busy : label}
      </button>
      <FormOutcome state={state} forms={forms} success={success} />
    </form>
  );
}

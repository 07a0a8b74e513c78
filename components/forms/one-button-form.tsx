"use client";
import type { ReactNode } from "react";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import { useActionForm } from "./use-action-form";
import { FormOutcome } from "./form-feedback";
import styles from "./forms.module.css";

/**
 * The one-button form: an action without fields (restore, undo, delete, withdraw), its button
 * saying what is happening, and its outcome (the refusal in the reader's language, or the
 * success text). A plain form post without JavaScript, like every form.
 */
export function OneButtonForm({
  action,
  label,
  busy,
  forms,
  success,
  buttonClassName = styles.secondary,
  hint,
  refusal,
  inline = true,
  outcomeFirst = false,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  label: string;
  busy: string;
  forms: Messages["forms"];
  success?: string;
  buttonClassName?: string;
  /** Said before the button (what the action does). */
  hint?: ReactNode;
  /** Says a refusal better than its code, given the state (e.g. "others have graded it"). */
  refusal?: (state: FormState) => ReactNode;
  inline?: boolean;
  /** The outcome above the button (default: after it). */
  outcomeFirst?: boolean;
}) {
  const { state, pending, formProps } = useActionForm(action);
  const outcome = (
    <FormOutcome state={state} forms={forms} success={success}>
      {refusal?.(state) || undefined}
    </FormOutcome>
  );
  return (
    <form {...formProps} aria-busy={pending} style={inline ? { display: "inline" } : undefined}>
      {hint}
      {outcomeFirst ? outcome : null}
      <button type="submit" className={buttonClassName} disabled={pending}>
        {pending ? busy : label}
      </button>
      {outcomeFirst ? null : outcome}
    </form>
  );
}

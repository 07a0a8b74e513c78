import type { FormState } from "@/lib/form-state";
import { codeText } from "@/lib/i18n/codes";
import type { Messages } from "@/lib/i18n";
import styles from "./forms.module.css";

/**
 * The message of a field laid out by hand (a radio group, a checkbox list), in the reader's
 * language; the id lets the field point to it (aria-describedby). Text fields use the field
 * component (field.tsx), which shows its message itself.
 */
export function FieldErrors({ id, state, name, dict }: { id: string; state: FormState; name: string; dict: Record<string, string> }) {
  const codes = state.status === "error" ? (state.fields?.[name] ?? []) : [];
  if (codes.length === 0) return null;
  return (
    <p className={styles.fieldError} id={id}>
      {codes.map((c) => codeText(dict, c)).join(" ")}
    </p>
  );
}

export function hasFieldError(state: FormState<unknown>, name: string): boolean {
  return state.status === "error" && (state.fields?.[name]?.length ?? 0) > 0;
}

/** What a refused submission says above the form: the service's reason, else the AppError code; "check the highlighted fields" when fields are marked. */
export function outcomeText(state: FormState<unknown>, texts: Record<string, string>): string {
  const hasFields = state.fields && Object.keys(state.fields).length > 0;
  if (state.error === "invalid" && hasFields) return codeText(texts, "invalid");
  if (state.reason && Object.prototype.hasOwnProperty.call(texts, state.reason)) return texts[state.reason]!;
  return Object.prototype.hasOwnProperty.call(texts, state.error ?? "") ? texts[state.error!]! : codeText(texts, "internal");
}

/**
 * The outcome of a submission: the error (`outcomeText`; `errors` is a dictionary of codes, by
 * default the AppError codes of forms.errors) unless the form says it better (children), or the
 * success text. role="alert" is announced by screen readers.
 */
export function FormOutcome({
  state,
  forms,
  errors,
  success,
  children,
}: {
  state: FormState<unknown>;
  forms?: Messages["forms"];
  errors?: Record<string, string>;
  success?: string;
  children?: React.ReactNode;
}) {
  if (state.status === "ok" && (success || children)) {
    return (
      <p className={styles.ok} role="status">
        {success} {children}
      </p>
    );
  }
  if (state.status !== "error") return null;
  return (
    <div className={styles.error} role="alert">
      {children ?? <p>{outcomeText(state, errors ?? forms?.errors ?? {})}</p>}
    </div>
  );
}

import { messageOf, type FormState } from "@/lib/form-state";
import type { Messages } from "@/lib/i18n";
import styles from "./forms.module.css";

/** The messages of a field, in the reader's language; ids let the field point to them (aria-describedby). */
export function FieldErrors({ id, state, name, dict }: { id: string; state: FormState; name: string; dict: Record<string, string> }) {
  const codes = state.status === "error" ? (state.fields?.[name] ?? []) : [];
  if (codes.length === 0) return null;
  return (
    <p className={styles.fieldError} id={id}>
      {codes.map((c) => messageOf(dict, c)).join(" ")}
    </p>
  );
}

export function hasFieldError(state: FormState, name: string): boolean {
  return state.status === "error" && (state.fields?.[name]?.length ?? 0) > 0;
}

/**
 * The outcome of a submission: the general error (by AppError code) unless field messages say
 * it better, or the success text. role="alert" is announced by screen readers.
 */
export function FormOutcome({ state, forms, success, children }: { state: FormState; forms: Messages["forms"]; success?: string; children?: React.ReactNode }) {
  if (state.status === "ok" && (success || children)) {
    return (
      <p className={styles.ok} role="status">
        {success} {children}
      </p>
    );
  }
  if (state.status !== "error") return null;
  const hasFields = state.fields && Object.keys(state.fields).length > 0;
  return (
    <div className={styles.error} role="alert">
      {children ?? (!hasFields || state.error !== "invalid" ? <p>{messageOf(forms.errors, state.error ?? "internal")}</p> : <p>{forms.errors.invalid}</p>)}
    </div>
  );
}

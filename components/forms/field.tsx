"use client";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import styles from "./forms.module.css";

/**
 * The one field of the forms: its label, the control, a hint, and the refusal's message right
 * below it. A refused control is marked aria-invalid (highlighted by the global stylesheet) and
 * points to its hint and message (aria-describedby), so the message is read with the field.
 * The message is already in the reader's language (`fieldMessages` in use-action-form.ts).
 */
type Common = { label: ReactNode; name: string; id?: string; hint?: ReactNode; error?: string };

/** The ids and ARIA attributes that tie a field to its hint and its message. */
export function describedBy({ name, id, hint, error }: Pick<Common, "name" | "id" | "hint" | "error">) {
  const fieldId = id ?? name;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return {
    fieldId,
    hintId,
    errorId,
    aria: { "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined, "aria-invalid": error ? true : undefined },
  };
}

/** A field's hint and message, for controls laid out by hand (radio groups, the ballot). */
export function FieldNotes({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId?: string; error?: string; errorId?: string }) {
  return (
    <>
      {hint ? (
        <small id={hintId} className={styles.hint}>
          {hint}
        </small>
      ) : null}
      {error ? (
        <p id={errorId} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField({ label, name, id, hint, error, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const d = describedBy({ name, id, hint, error });
  return (
    <div className={styles.field}>
      <label htmlFor={d.fieldId}>{label}</label>
      <input id={d.fieldId} name={name} {...d.aria} {...input} />
      <FieldNotes hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

export function TextAreaField({ label, name, id, hint, error, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const d = describedBy({ name, id, hint, error });
  return (
    <div className={styles.field}>
      <label htmlFor={d.fieldId}>{label}</label>
      <textarea id={d.fieldId} name={name} {...d.aria} {...area} />
      <FieldNotes hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  id,
  hint,
  error,
  options,
  ...select
}: Common & { options: { value: string; label: string }[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  const d = describedBy({ name, id, hint, error });
  return (
    <div className={styles.field}>
      <label htmlFor={d.fieldId}>{label}</label>
      <select id={d.fieldId} name={name} {...d.aria} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

/** A submit button that says what is happening while the form is being sent. */
export function Submit({ label, busyLabel, pending, className }: { label: string; busyLabel: string; pending: boolean; className?: string }) {
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending}>
      {pending ? busyLabel : label}
    </button>
  );
}

"use client";
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import styles from "./forms.module.css";

type Common = { label: string; name: string; id?: string; hint?: string; errors?: string[] };

/** The ids and ARIA attributes that tie a field to its hint and its messages. */
function described({ name, id, hint, errors }: Common) {
  const fieldId = id ?? name;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = errors?.length ? `${fieldId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return { fieldId, hintId, errorId, aria: { "aria-describedby": describedBy, "aria-invalid": errorId ? true : undefined } };
}

function Extras({ hint, hintId, errors, errorId }: { hint?: string; hintId?: string; errors?: string[]; errorId?: string }) {
  return (
    <>
      {hint ? (
        <small id={hintId} className={styles.hint}>
          {hint}
        </small>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className={styles.fieldError}>
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

export function TextField({ label, name, id, hint, errors, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const d = described({ label, name, id, hint, errors });
  return (
    <div className={styles.field}>
      <label htmlFor={d.fieldId}>{label}</label>
      <input id={d.fieldId} name={name} {...d.aria} {...input} />
      <Extras hint={hint} hintId={d.hintId} errors={errors} errorId={d.errorId} />
    </div>
  );
}

export function TextAreaField({ label, name, id, hint, errors, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const d = described({ label, name, id, hint, errors });
  return (
    <div className={styles.field}>
      <label htmlFor={d.fieldId}>{label}</label>
      <textarea id={d.fieldId} name={name} {...d.aria} {...area} />
      <Extras hint={hint} hintId={d.hintId} errors={errors} errorId={d.errorId} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  id,
  hint,
  errors,
  options,
  ...select
}: Common & { options: { value: string; label: string }[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  const d = described({ label, name, id, hint, errors });
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
      <Extras hint={hint} hintId={d.hintId} errors={errors} errorId={d.errorId} />
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

/** The outcome of the last submission: success (announced politely) or the error (announced at once). */
export function Outcome({ status, message, success }: { status: string; message?: string; success?: string }) {
  if (status === "ok" && success) {
    return (
      <p className="success" role="status">
        {success}
      </p>
    );
  }
  if (status === "error" && message) {
    return (
      <p className="error" role="alert">
        {message}
      </p>
    );
  }
  return null;
}

"use client";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import { STANCES, type Stance } from "@/lib/discussion/stances";
import { fieldMessages, useActionForm, valueOf } from "@/components/forms/use-action-form";
import { TextAreaField } from "@/components/forms/field";
import { FieldErrors, FormOutcome, hasFieldError } from "@/components/forms/form-feedback";
import styles from "@/components/forms/forms.module.css";

type Props = {
  /** Unique per form on the page (ids of fields). */
  formId: string;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  t: Messages["discussion"];
  forms: Messages["forms"];
  parentId?: string;
  /** For editing: the comment as it is. */
  initial?: { stance: Stance; body: string };
  mode?: "new" | "reply" | "edit";
};

/** Writing, replying to or editing a comment: a stance and a plain-text body. */
export function CommentForm({ formId, action, t, forms, parentId, initial, mode = "new" }: Props) {
  const { state, pending, formProps } = useActionForm(action, { resetOnSuccess: mode !== "edit" });
  const id = (name: string) => `${formId}-${name}`;
  const stance = valueOf(state, "stance", initial?.stance ?? "");
  const [label, busy] = mode === "edit" ? [t.save, t.saving] : mode === "reply" ? [t.reply, t.replying] : [t.post, t.posting];
  return (
    <form {...formProps} className={styles.stack} aria-busy={pending} noValidate>
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <fieldset className={styles.choices} aria-describedby={hasFieldError(state, "stance") ? id("stance-error") : undefined}>
        <legend className={styles.legend}>{t.stanceLabel}</legend>
        {STANCES.map((s) => (
          <label key={s}>
            <input type="radio" name="stance" value={s} defaultChecked={stance === s} required />
            {t.stance[s]}
          </label>
        ))}
      </fieldset>
      <FieldErrors id={id("stance-error")} state={state} name="stance" dict={t.errors} />
      <TextAreaField
        label={mode === "reply" ? t.replyBody : t.body}
        name="body"
        id={id("body")}
        rows={mode === "new" ? 4 : 3}
        maxLength={4000}
        required
        dir="auto"
        hint={t.bodyHint}
        defaultValue={valueOf(state, "body", initial?.body ?? "")}
        error={fieldMessages(state, t.errors)("body")}
      />
      <FieldErrors id={id("parent-error")} state={state} name="parentId" dict={t.errors} />
      <FormOutcome state={state} forms={forms} success={mode === "edit" ? undefined : t.posted} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? busy : label}
        </button>
      </div>
    </form>
  );
}

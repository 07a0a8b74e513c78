"use client";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import { useActionForm, valueOf } from "@/components/forms/use-action-form";
import { FieldErrors, FormOutcome, hasFieldError } from "@/components/forms/form-feedback";
import styles from "@/components/forms/forms.module.css";

export type TermFormValues = {
  slug: string;
  headword: string;
  abbreviation: string;
  definition: string;
  context: string;
  note?: string;
  definitionTarget?: string;
  contextTarget?: string;
  noteTarget?: string;
  source: string;
  subjectField: string;
  sourceLang: string;
  targetLang: string;
};

const LONG = new Set(["definition", "context", "note", "definitionTarget", "contextTarget", "noteTarget"]);
/** Fields written in the target language (issue 14: a term's definition, context and note in both). */
const IN_TARGET = new Set(["definitionTarget", "contextTarget", "noteTarget"]);

/** Creating a term (with its slug) or editing one (the slug stays). */
export function TermForm({ action, initial, mode, t, forms }: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial: TermFormValues;
  mode: "create" | "edit";
  t: Messages["facilitation"];
  forms: Messages["forms"];
}) {
  const { state, pending, formProps } = useActionForm(action);
  const names = (mode === "create" ? ["slug"] : []).concat(["headword", "abbreviation", "definition", "context", "note", "definitionTarget", "contextTarget", "noteTarget", "source", "subjectField", "sourceLang", "targetLang"]) as (keyof TermFormValues)[];
  return (
    <form {...formProps} className={styles.stack} aria-busy={pending} noValidate>
      {names.map((name) => {
        const props = {
          id: `term-${name}`,
          name,
          defaultValue: valueOf(state, name, initial[name] ?? ""),
          required: name === "headword",
          "aria-invalid": hasFieldError(state, name) || undefined,
          "aria-describedby": hasFieldError(state, name) ? `term-${name}-error` : undefined,
        };
        return (
          <div key={name} className={styles.field}>
            <label htmlFor={props.id}>{t.term[name]}</label>
            {LONG.has(name) ? <textarea {...props} rows={name.startsWith("note") ? 2 : 4} lang={IN_TARGET.has(name) ? initial.targetLang : initial.sourceLang} /> : <input {...props} autoComplete="off" />}
            {name === "slug" ? <p className={styles.hint}>{t.term.slugHint}</p> : null}
            <FieldErrors id={`term-${name}-error`} state={state} name={name} dict={t.errors} />
          </div>
        );
      })}
      <FormOutcome state={state} forms={forms} success={t.term.saved} />
      <div>
        <button type="submit" disabled={pending}>
          {mode === "create" ? (pending ? t.term.creating : t.term.create) : pending ? t.term.saving : t.term.save}
        </button>
      </div>
    </form>
  );
}

"use client";
import { startTransition, useState } from "react";
import { format, type Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import { loadBrowserChecks } from "@/components/forms/load-browser-checks";
import { useActionForm, valueOf } from "@/components/forms/use-action-form";
import { FieldErrors, FormOutcome, hasFieldError } from "@/components/forms/form-feedback";
import { PinyinPreview } from "./pinyin-preview";
import styles from "@/components/forms/forms.module.css";
import { REGIONS } from "@/lib/records/regions";
import { SYNONYM_CLASSES } from "@/lib/records/synonym-classes";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  t: Messages["proposal"];
  forms: Messages["forms"];
  targetLang: string;
  /** Labels of the usage region and synonym class choices (issue 14). */
  records?: Messages["records"];
};

/**
 * The proposal form. The shared schema checks the input in the browser first (same codes, same
 * messages as the server's answer); the server decides. A duplicate links to the existing
 * rendering's card so the scholar can grade it instead.
 */
export function ProposalForm({ action, t, forms, targetLang, records }: Props) {
  const { state: served, pending, formProps } = useActionForm(action, { resetOnSuccess: true });
  const [local, setLocal] = useState<FormState | null>(null);
  // A fresh server answer replaces the browser's own check.
  const [seenAt, setSeenAt] = useState(served.at);
  if (served.at !== seenAt) {
    setSeenAt(served.at);
    setLocal(null);
  }
  const state = local ?? served;
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const values = Object.fromEntries(["text", "pinyin", "gloss", "rationale"].map((k) => [k, String(data.get(k) ?? "")]));
    // The shared schema comes with its own chunk (zod); should it fail to load, the server checks.
    void loadBrowserChecks()
      .then(({ proposalFieldErrors }) => proposalFieldErrors(values), () => null)
      .then((fields) => {
        if (fields) {
          setLocal({ status: "error", error: "invalid", fields, values });
          return;
        }
        setLocal(null);
        startTransition(() => formProps.action(data));
      });
  };
  const field = (name: "text" | "pinyin" | "gloss" | "rationale") => ({
    id: `propose-${name}`,
    name,
    defaultValue: valueOf(state, name),
    "aria-invalid": hasFieldError(state, name) || undefined,
    "aria-describedby": `propose-${name}-hint${hasFieldError(state, name) ? ` propose-${name}-error` : ""}`,
  });
  return (
    <form {...formProps} onSubmit={onSubmit} onFocus={() => void loadBrowserChecks()} className={styles.stack} noValidate aria-busy={pending}>
      <div className={styles.field}>
        <label htmlFor="propose-text">{t.text}</label>
        <input {...field("text")} lang={targetLang} required autoComplete="off" maxLength={64} />
        <p className={styles.hint} id="propose-text-hint">{t.textHint}</p>
        <FieldErrors id="propose-text-error" state={state} name="text" dict={t.errors} />
      </div>
      <div className={styles.field}>
        <label htmlFor="propose-pinyin">{t.pinyin}</label>
        <input {...field("pinyin")} lang="zh-Latn-pinyin" autoComplete="off" maxLength={200} />
        <p className={styles.hint} id="propose-pinyin-hint">{t.pinyinHint}</p>
        <PinyinPreview label={t.pinyinPreview} />
        <FieldErrors id="propose-pinyin-error" state={state} name="pinyin" dict={t.errors} />
      </div>
      <div className={styles.field}>
        <label htmlFor="propose-gloss">{t.gloss}</label>
        <input {...field("gloss")} lang="en" required maxLength={200} />
        <p className={styles.hint} id="propose-gloss-hint">{t.glossHint}</p>
        <FieldErrors id="propose-gloss-error" state={state} name="gloss" dict={t.errors} />
      </div>
      <div className={styles.field}>
        <label htmlFor="propose-rationale">{t.rationale}</label>
        <textarea {...field("rationale")} rows={3} required maxLength={2000} />
        <p className={styles.hint} id="propose-rationale-hint">{t.rationaleHint}</p>
        <FieldErrors id="propose-rationale-error" state={state} name="rationale" dict={t.errors} />
      </div>
      {records ? <RecordChoices state={state} records={records} errors={t.errors} /> : null}
      <ProposalOutcome state={state} t={t} forms={forms} targetLang={targetLang} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t.submitting : t.submit}
        </button>
      </div>
    </form>
  );
}

function ProposalOutcome({ state, t, forms, targetLang }: { state: FormState; t: Messages["proposal"]; forms: Messages["forms"]; targetLang: string }) {
  if (state.status === "ok" && state.result?.id) {
    return (
      <FormOutcome state={state} forms={forms}>
        {format(t.added, { text: state.result.text ?? "", pinyin: state.result.pinyin ?? "" })}{" "}
        <a href={`#r-${state.result.id}`}>{t.seeIt}</a>
      </FormOutcome>
    );
  }
  if (state.status === "error" && state.reason === "duplicate") {
    return (
      <FormOutcome state={state} forms={forms}>
        {state.existing ? (
          <p>
            {format(t.duplicate, { text: state.existing.text })}{" "}
            <a href={`#r-${state.existing.id}`}>
              {t.gradeInstead}: <span lang={targetLang}>{state.existing.text}</span>
            </a>
          </p>
        ) : (
          <p>{t.duplicateRemoved}</p>
        )}
      </FormOutcome>
    );
  }
  return <FormOutcome state={state} forms={forms} />;
}

/** Optional: the usage region of a regional variant, and the synonym class the proposer suggests. */
function RecordChoices({ state, records, errors }: { state: FormState; records: Messages["records"]; errors: Messages["proposal"]["errors"] }) {
  const select = (name: "region" | "synonymClass") => ({
    id: `propose-${name}`,
    name,
    defaultValue: valueOf(state, name),
    "aria-invalid": hasFieldError(state, name) || undefined,
    "aria-describedby": hasFieldError(state, name) ? `propose-${name}-error` : undefined,
  });
  return (
    <>
      <div className={styles.field}>
        <label htmlFor="propose-region">{records.region}</label>
        <select {...select("region")}>
          <option value="">{records.everywhere}</option>
          {REGIONS.map((r) => (
            <option key={r} value={r}>
              {records.regions[r]}
            </option>
          ))}
        </select>
        <FieldErrors id="propose-region-error" state={state} name="region" dict={errors} />
      </div>
      <div className={styles.field}>
        <label htmlFor="propose-synonymClass">{records.synonymClass}</label>
        <select {...select("synonymClass")}>
          <option value="">{records.noClass}</option>
          {SYNONYM_CLASSES.map((c) => (
            <option key={c} value={c}>
              {records.classes[c]}
            </option>
          ))}
        </select>
        <FieldErrors id="propose-synonymClass-error" state={state} name="synonymClass" dict={errors} />
      </div>
    </>
  );
}

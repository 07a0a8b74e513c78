"use client";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import { useActionForm, valueOf } from "@/components/forms/use-action-form";
import { FieldErrors, FormOutcome, hasFieldError } from "@/components/forms/form-feedback";
import styles from "@/components/forms/forms.module.css";

type Candidate = { id: string; text: string; pinyin: string; status: string; rank: number | null; median: string | null };

/**
 * Recording the decision: one adopted rendering (radio), any admitted and deprecated ones
 * (checkboxes), and the statement in both languages. Candidates come in ranking order.
 */
export function DecisionForm({ action, candidates, suggested, t, forms, targetLang }: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  candidates: Candidate[];
  /** The consensus, or the leader, pre-selected as adopted. */
  suggested: string | null;
  t: Messages["facilitation"];
  forms: Messages["forms"];
  targetLang: string;
}) {
  const { state, pending, formProps } = useActionForm(action);
  const d = t.decision;
  const adopted = valueOf(state, "adoptedRenderingId", suggested ?? "");
  const listed = (name: string) => new Set(valueOf(state, name).split(" ").filter(Boolean));
  const admitted = listed("admittedIds");
  const deprecated = listed("deprecatedIds");
  return (
    <form {...formProps} className={styles.stack} aria-busy={pending}>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={d.ranking}>
        <table>
          <thead>
            <tr>
              <th scope="col">{d.ranking}</th>
              <th scope="col">{d.adopted}</th>
              <th scope="col">{d.admitted}</th>
              <th scope="col">{d.deprecated}</th>
              <th scope="col">{d.median}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => (
              <tr key={c.id}>
                <td>{c.rank ?? "—"}</td>
                <td>
                  <label>
                    <input type="radio" name="adoptedRenderingId" value={c.id} defaultChecked={adopted === c.id} disabled={c.status !== "active"} required />{" "}
                    <span lang={targetLang}>{c.text}</span> <span className="pinyin">{c.pinyin}</span>
                  </label>
                </td>
                <td>
                  <input type="checkbox" name="admittedIds" value={c.id} defaultChecked={admitted.has(c.id)} disabled={c.status !== "active"} aria-label={`${d.admitted}: ${c.text}`} />
                </td>
                <td>
                  <input type="checkbox" name="deprecatedIds" value={c.id} defaultChecked={deprecated.has(c.id)} aria-label={`${d.deprecated}: ${c.text}`} />
                </td>
                <td>{c.median ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(["adoptedRenderingId", "admittedIds", "deprecatedIds"] as const).map((name) => (
        <FieldErrors key={name} id={`decide-${name}-error`} state={state} name={name} dict={t.errors} />
      ))}
      {(["statementEn", "statementZh"] as const).map((name) => (
        <div key={name} className={styles.field}>
          <label htmlFor={`decide-${name}`}>{d[name]}</label>
          <textarea
            id={`decide-${name}`}
            name={name}
            rows={4}
            required
            maxLength={4000}
            lang={name === "statementEn" ? "en" : "zh-Hans"}
            defaultValue={valueOf(state, name)}
            aria-invalid={hasFieldError(state, name) || undefined}
            aria-describedby={hasFieldError(state, name) ? `decide-${name}-error` : undefined}
          />
          <FieldErrors id={`decide-${name}-error`} state={state} name={name} dict={t.errors} />
        </div>
      ))}
      <FormOutcome state={state} forms={forms} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? d.submitting : d.submit}
        </button>
      </div>
    </form>
  );
}

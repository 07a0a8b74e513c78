"use client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { format, type Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import { useActionForm } from "@/components/forms/use-action-form";
import { FieldErrors, FormOutcome, hasFieldError } from "@/components/forms/form-feedback";
import styles from "@/components/forms/forms.module.css";

export type DecisionCandidateView = {
  id: string;
  text: string;
  pinyin: string;
  status: string;
  rank: number | null;
  /** Delegations whose median puts it below acceptable. */
  blockedBy: string[];
  /** Its usage region (a regional variant can be adopted for it), "" for everywhere. */
  region?: string;
};

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  candidates: DecisionCandidateView[];
  /** The consensus, or the leader, pre-selected as adopted. */
  suggested: string | null;
  consensus: string | null;
  t: Messages["facilitation"];
  /** Synonym classes and regions (issue 14). */
  records: Messages["records"];
  review: Messages["decisionRecord"]["review"];
  forms: Messages["forms"];
  targetLang: string;
};

const noSubscription = () => () => {};
const listOf = (v: string | undefined) => (v ?? "").split(" ").filter(Boolean);
const regionName = (records: Messages["records"], region: string | undefined) => (region && region in records.regions ? records.regions[region as keyof Messages["records"]["regions"]] : "");
const className = (records: Messages["records"], cls: string | undefined) => (cls && cls in records.classes ? records.classes[cls as keyof Messages["records"]["classes"]] : "");

/**
 * Recording the decision in two steps: the choice (one adopted rendering, any admitted and
 * deprecated ones, the statement in both languages), then a review of exactly that, confirmed
 * by "Record and publish". Works without JavaScript (each step is a submission); with it, the
 * adopted rendering's own admitted/deprecated boxes are disabled. Errors come back from the
 * server in the page, in the reader's language (no browser bubbles: no `required`).
 */
export function DecisionForm(props: Props) {
  const { state, pending, formProps } = useActionForm(props.action);
  const reviewing = state.status === "ok" && state.result?.step === "review";
  return (
    <form {...formProps} className={styles.stack} aria-busy={pending} noValidate>
      {reviewing ? <ReviewStep {...props} values={state.values ?? {}} pending={pending} /> : <EditStep key={state.at ?? 0} {...props} state={state} pending={pending} />}
    </form>
  );
}

function EditStep({ candidates, suggested, t, records, review, forms, targetLang, state, pending }: Props & { state: FormState; pending: boolean }) {
  const d = t.decision;
  const value = (name: string, fallback = "") => state.values?.[name] ?? fallback;
  const [adopted, setAdopted] = useState(value("adoptedRenderingId", suggested ?? ""));
  const [admitted, setAdmitted] = useState(() => new Set(listOf(state.values?.admittedIds)));
  const [deprecated, setDeprecated] = useState(() => new Set(listOf(state.values?.deprecatedIds)));
  // Only with JavaScript does the adopted row follow the radio; without it the server's schema
  // refuses an adopted rendering that is also listed (adopted_also_listed), in the page.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const toggle = (set: Set<string>, update: (s: Set<string>) => void, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    update(next);
  };
  // Adopting a rendering takes it off the admitted and deprecated lists (it cannot be both).
  const adopt = (id: string) => {
    setAdopted(id);
    if (admitted.has(id)) toggle(admitted, setAdmitted, id, false);
    if (deprecated.has(id)) toggle(deprecated, setDeprecated, id, false);
  };
  const listErrors = ["adoptedRenderingId", "admittedIds", "deprecatedIds", "regionalIds", "synonymClasses"].filter((n) => hasFieldError(state, n));
  const describedBy = listErrors.map((n) => `decide-${n}-error`).join(" ") || undefined;
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={d.ranking}>
        <table>
          <thead>
            <tr>
              <th scope="col">{d.ranking}</th>
              <th scope="col">{d.adopted}</th>
              <th scope="col">{d.admitted}</th>
              <th scope="col">{d.deprecated}</th>
              <th scope="col">{records.regionalAdopted}</th>
              <th scope="col">{records.synonymClass}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => {
              const chosen = adopted === c.id;
              const isAdopted = scripted && chosen;
              return (
                <tr key={c.id}>
                  <td>{c.rank ?? "—"}</td>
                  <td>
                    <label>
                      <input
                        type="radio"
                        name="adoptedRenderingId"
                        value={c.id}
                        checked={chosen}
                        onChange={() => adopt(c.id)}
                        disabled={c.status !== "active"}
                        aria-invalid={hasFieldError(state, "adoptedRenderingId") || undefined}
                        aria-describedby={describedBy}
                      />{" "}
                      <span lang={targetLang}>{c.text}</span> <span className="pinyin">{c.pinyin}</span>
                      {c.region ? <span className="muted"> ({regionName(records, c.region)})</span> : null}
                    </label>
                    {c.blockedBy.length > 0 ? <div className="muted">{format(review.adoptedBlocked, { delegations: c.blockedBy.join(", ") })}</div> : null}
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name="admittedIds"
                      value={c.id}
                      checked={!isAdopted && admitted.has(c.id)}
                      onChange={(e) => toggle(admitted, setAdmitted, c.id, e.target.checked)}
                      // The adopted rendering is neither admitted nor deprecated (the schema says so too).
                      disabled={c.status !== "active" || isAdopted}
                      aria-label={`${d.admitted}: ${c.text}`}
                      aria-describedby={describedBy}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name="deprecatedIds"
                      value={c.id}
                      checked={!isAdopted && deprecated.has(c.id)}
                      onChange={(e) => toggle(deprecated, setDeprecated, c.id, e.target.checked)}
                      disabled={isAdopted}
                      aria-label={`${d.deprecated}: ${c.text}`}
                      aria-describedby={describedBy}
                    />
                  </td>
                  <td>
                    {c.region ? (
                      <input
                        type="checkbox"
                        name="regionalIds"
                        value={c.id}
                        defaultChecked={listOf(state.values?.regionalIds).includes(c.id)}
                        disabled={c.status !== "active" || isAdopted}
                        aria-label={`${records.regionalAdopted} (${regionName(records, c.region)}): ${c.text}`}
                        aria-describedby={describedBy}
                      />
                    ) : null}
                  </td>
                  <td>
                    <select name={`class-${c.id}`} defaultValue={value(`class-${c.id}`)} aria-label={`${records.synonymClass}: ${c.text}`} aria-describedby={describedBy}>
                      <option value="">—</option>
                      {Object.entries(records.classes).map(([code, label]) => (
                        <option key={code} value={code}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {records.regionalHint} {records.classHint}
      </p>
      {(["adoptedRenderingId", "admittedIds", "deprecatedIds", "regionalIds", "synonymClasses"] as const).map((name) => (
        <FieldErrors key={name} id={`decide-${name}-error`} state={state} name={name} dict={t.errors} />
      ))}
      {(["statementEn", "statementZh"] as const).map((name) => (
        <div key={name} className={styles.field}>
          <label htmlFor={`decide-${name}`}>{d[name]}</label>
          <textarea
            id={`decide-${name}`}
            name={name}
            rows={4}
            lang={name === "statementEn" ? "en" : "zh-Hans"}
            defaultValue={value(name)}
            aria-invalid={hasFieldError(state, name) || undefined}
            aria-describedby={hasFieldError(state, name) ? `decide-${name}-error` : undefined}
          />
          <FieldErrors id={`decide-${name}-error`} state={state} name={name} dict={t.errors} />
        </div>
      ))}
      <FormOutcome state={state} forms={forms} />
      <div>
        <button type="submit" name="step" value="review" disabled={pending}>
          {pending ? review.reviewing : review.review}
        </button>
      </div>
    </>
  );
}

function ReviewStep({ candidates, consensus, t, records, review, targetLang, values, pending }: Props & { values: Record<string, string>; pending: boolean }) {
  const d = t.decision;
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the summary they are asked to confirm.
  useEffect(() => heading.current?.focus(), []);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const classOf = (id: string) => values[`class-${id}`];
  const about = (id: string) => [className(records, classOf(id)), regionName(records, byId.get(id)?.region)].filter(Boolean).join(" · ");
  const classIds = Object.keys(values).filter((k) => k.startsWith("class-") && values[k]);
  const adopted = byId.get(values.adoptedRenderingId ?? "");
  const refs = (ids: string[]) =>
    ids.length === 0 ? (
      <span className="muted">{d.none}</span>
    ) : (
      ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? "、" : null}
          <span lang={targetLang}>{byId.get(id)?.text ?? id}</span> <span className="pinyin">{byId.get(id)?.pinyin}</span>
          {about(id) ? <span className="muted"> ({about(id)})</span> : null}
        </span>
      ))
    );
  const admitted = listOf(values.admittedIds);
  const deprecated = listOf(values.deprecatedIds);
  const regional = listOf(values.regionalIds);
  const consensusText = consensus ? (byId.get(consensus)?.text ?? consensus) : null;
  return (
    <section aria-labelledby="decide-review-title" className="card" data-testid="decision-review">
      <h2 id="decide-review-title" tabIndex={-1} ref={heading} style={{ marginTop: 0 }}>
        {review.title}
      </h2>
      <p className="muted">{review.intro}</p>
      <dl className="meta">
        <dt>{d.adopted}</dt>
        <dd>
          <strong lang={targetLang} className="hanzi">
            {adopted?.text}
          </strong>{" "}
          <span className="pinyin">{adopted?.pinyin}</span>
          {adopted && about(adopted.id) ? <span className="muted"> ({about(adopted.id)})</span> : null}
        </dd>
        {regional.length > 0 ? (
          <>
            <dt>{records.regional}</dt>
            <dd>{refs(regional)}</dd>
          </>
        ) : null}
        <dt>{d.admitted}</dt>
        <dd>{refs(admitted)}</dd>
        <dt>{d.deprecated}</dt>
        <dd>{refs(deprecated)}</dd>
        <dt>{d.statementEn}</dt>
        <dd lang="en" style={{ whiteSpace: "pre-line" }}>
          {values.statementEn}
        </dd>
        <dt>{d.statementZh}</dt>
        <dd lang="zh-Hans" style={{ whiteSpace: "pre-line" }}>
          {values.statementZh}
        </dd>
      </dl>
      <p>{consensusText ? format(review.consensus, { text: consensusText }) : review.noConsensus}</p>
      {consensus && adopted && consensus !== adopted.id ? <p className="error">{format(review.notConsensus, { text: consensusText ?? "" })}</p> : null}
      {adopted && adopted.blockedBy.length > 0 ? <p className="error">{format(review.adoptedBlocked, { delegations: adopted.blockedBy.join(", ") })}</p> : null}
      <input type="hidden" name="adoptedRenderingId" value={values.adoptedRenderingId ?? ""} />
      {admitted.map((id) => (
        <input key={`a-${id}`} type="hidden" name="admittedIds" value={id} />
      ))}
      {deprecated.map((id) => (
        <input key={`d-${id}`} type="hidden" name="deprecatedIds" value={id} />
      ))}
      {regional.map((id) => (
        <input key={`g-${id}`} type="hidden" name="regionalIds" value={id} />
      ))}
      {classIds.map((name) => (
        <input key={name} type="hidden" name={name} value={values[name]} />
      ))}
      <input type="hidden" name="statementEn" value={values.statementEn ?? ""} />
      <input type="hidden" name="statementZh" value={values.statementZh ?? ""} />
      <div style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem" }}>
        <button type="submit" name="step" value="confirm" disabled={pending}>
          {pending ? d.submitting : review.confirm}
        </button>
        <button type="submit" name="step" value="edit" className="secondary" disabled={pending}>
          {review.back}
        </button>
      </div>
    </section>
  );
}

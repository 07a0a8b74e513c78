"use client";
import { useEffect, useRef, useState } from "react";
import { format, type Messages } from "@/lib/i18n";
import type { ImportReport } from "@/lib/schemas/lexicon-import";
import { codeText, type ErrorTexts } from "@/lib/i18n/codes";
import { describedBy, FieldNotes } from "@/components/forms/field";
import styles from "@/components/forms/forms.module.css";

type Problem = { line: number; message: string };
type View =
  | { kind: "idle" }
  | { kind: "busy"; applying: boolean }
  | { kind: "report"; report: ImportReport }
  | { kind: "refused"; message: string; problems: Problem[]; fields?: Record<string, string> };

/**
 * The import page's form: choose a file, see the preview (a dry run of POST /api/lexicon/import),
 * then apply it; the same request without dryRun. The server answers for both, so the preview
 * says exactly what the import does (unless the lexicon changes in between).
 */
export function ImportForm({ t, errors }: { t: Messages["imports"]; errors: ErrorTexts }) {
  const [view, setView] = useState<View>({ kind: "idle" });
  const fileRef = useRef<HTMLInputElement>(null);
  const sourceRef = useRef<HTMLInputElement>(null);
  const targetRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  async function send(dryRun: boolean) {
    const file = fileRef.current?.files?.[0];
    if (!file) return setView({ kind: "refused", message: t.chooseFile, problems: [], fields: { file: t.chooseFile } });
    setView({ kind: "busy", applying: !dryRun });
    const query = new URLSearchParams({ name: file.name });
    if (dryRun) query.set("dryRun", "1");
    if (sourceRef.current?.value.trim()) query.set("source", sourceRef.current.value.trim());
    if (targetRef.current?.value.trim()) query.set("target", targetRef.current.value.trim());
    const type = /\.csv$/i.test(file.name) ? "text/csv" : "application/xml";
    try {
      const res = await fetch(`/api/lexicon/import?${query}`, { method: "POST", headers: { "Content-Type": type }, body: file });
      const body = (await res.json()) as ImportReport | { error: { code: string; message: string; errors?: Problem[]; fields?: Record<string, { code: string }> } };
      if ("error" in body) {
        // A refused option (source, target) is said at its field, in the reader's language.
        const fields = Object.fromEntries(Object.entries(body.error.fields ?? {}).map(([name, f]) => [name, codeText(errors, f.code)]));
        const message = Object.keys(fields).length ? codeText(errors, "invalid") : body.error.message;
        setView({ kind: "refused", message, problems: body.error.errors ?? [], fields });
      }
      else setView({ kind: "report", report: body });
    } catch (e) {
      setView({ kind: "refused", message: format(t.failed, { message: (e as Error).message }), problems: [] });
    }
  }

  // Keyboard and screen-reader users land on what happened, once it is on the page.
  useEffect(() => {
    if (view.kind === "report" || view.kind === "refused") resultRef.current?.focus();
  }, [view]);

  const busy = view.kind === "busy";
  const fieldError = (name: string) => (view.kind === "refused" ? view.fields?.[name] : undefined);
  const file = describedBy({ name: "file", id: "import-file", error: fieldError("file") });
  const source = describedBy({ name: "source", id: "import-source", error: fieldError("source") });
  const target = describedBy({ name: "target", id: "import-target", error: fieldError("target") });
  const report = view.kind === "report" ? view.report : null;
  const changes = report ? report.created + report.updated : 0;
  return (
    <div className={styles.stack}>
      <form
        className={styles.stack}
        aria-busy={busy}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send(true);
        }}
      >
        <div className={styles.field}>
          <label htmlFor="import-file">{t.file}</label>
          <input id="import-file" ref={fileRef} type="file" name="file" accept=".tbx,.xml,.csv,application/xml,text/csv" required onChange={() => setView({ kind: "idle" })} {...file.aria} />
          <FieldNotes error={fieldError("file")} errorId={file.errorId} />
        </div>
        <div className={styles.inline}>
          <div className={styles.field}>
            <label htmlFor="import-source">{t.sourceLang}</label>
            <input id="import-source" ref={sourceRef} name="source" autoComplete="off" placeholder="en" {...source.aria} aria-describedby={["import-lang-hint", source.errorId].filter(Boolean).join(" ")} />
            <FieldNotes error={fieldError("source")} errorId={source.errorId} />
          </div>
          <div className={styles.field}>
            <label htmlFor="import-target">{t.targetLang}</label>
            <input id="import-target" ref={targetRef} name="target" autoComplete="off" placeholder="zh-Hans" {...target.aria} aria-describedby={["import-lang-hint", target.errorId].filter(Boolean).join(" ")} />
            <FieldNotes error={fieldError("target")} errorId={target.errorId} />
          </div>
        </div>
        <p className={styles.hint} id="import-lang-hint">
          {t.langHint}
        </p>
        <div>
          <button type="submit" disabled={busy}>
            {busy && !view.applying ? t.previewing : t.preview}
          </button>
        </div>
      </form>

      <div aria-live="polite">
        {view.kind === "refused" ? (
          <div className={styles.error} role="alert">
            <h2 ref={resultRef} tabIndex={-1}>
              {view.problems.length ? t.refused : view.message}
            </h2>
            {view.problems.length ? (
              <>
                <p>{view.message}</p>
                <ul>
                  {view.problems.map((p, i) => (
                    <li key={i}>
                      {format(t.line, { line: p.line })}: {p.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        {report ? <ImportReportView report={report} t={t} headingRef={resultRef} /> : null}
        {report?.dryRun && changes > 0 ? (
          <p>
            <button type="button" onClick={() => void send(false)} disabled={busy}>
              {t.apply}
            </button>
          </p>
        ) : null}
        {view.kind === "busy" && view.applying ? <p role="status">{t.applying}</p> : null}
      </div>
    </div>
  );
}

function ImportReportView({ report, t, headingRef }: { report: ImportReport; t: Messages["imports"]; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  return (
    <section aria-labelledby="import-result-title">
      <h2 id="import-result-title" ref={headingRef} tabIndex={-1}>
        {report.dryRun ? t.previewTitle : t.resultTitle}
      </h2>
      <p role="status">
        {report.created + report.updated === 0
          ? t.nothing
          : format(t.summary, { created: report.created, updated: report.updated, skipped: report.skipped, renderings: report.renderingsAdded })}{" "}
        {format(t.languages, { source: report.sourceLang, target: report.targetLang })}
        {report.languageSectionsSkipped ? ` ${format(t.skippedLanguages, { n: report.languageSectionsSkipped })}` : ""}
      </p>
      <ol>
        {report.concepts.map((c, i) => {
          const added = c.renderings.filter((r) => r.outcome === "add");
          return (
            <li key={i}>
              <strong>{c.headword || c.id}</strong> ({format(t.line, { line: c.line })}) — {t.action[c.action]}
              {c.slug && c.action !== "create" ? (
                <>
                  {" "}
                  (<a href={`/terms/${c.slug}`}>{c.slug}</a>)
                </>
              ) : null}
              {added.length ? (
                <>
                  : <span lang={c.targetLang}>{added.map((r) => r.text).join("、")}</span>
                </>
              ) : null}
              {c.reason ? ` (${c.reason})` : ""}
            </li>
          );
        })}
      </ol>
      {report.errors.length ? (
        <>
          <h3>{t.errorsTitle}</h3>
          <ul>
            {report.errors.map((e, i) => (
              <li key={i}>
                {format(t.line, { line: e.line })}: {e.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

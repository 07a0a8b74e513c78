import { format, type Locale, type Messages } from "@/lib/i18n";
import type { TermRow } from "@/server/terms/read";

type Fields = Pick<TermRow, "sourceLang" | "targetLang" | "definition" | "context" | "note" | "definitionTarget" | "contextTarget" | "noteTarget">;

/**
 * A term's definition, context and note in its source language and in its target language
 * (issue 14), the reader's language first: a Chinese reader of an en → zh-Hans term reads the
 * Chinese definition first. Rows without text in either language are left out, except the
 * definition and context, which the page always shows.
 */
export function BilingualFields({ term, t, locale }: { term: Fields; t: Messages; locale: Locale }) {
  const readerFirst = (lang: string) => lang.toLowerCase().split("-")[0] === locale;
  const sides = [
    { lang: term.sourceLang, definition: term.definition, context: term.context, note: term.note },
    { lang: term.targetLang, definition: term.definitionTarget, context: term.contextTarget, note: term.noteTarget },
  ];
  if (!readerFirst(term.sourceLang) && readerFirst(term.targetLang)) sides.reverse();
  const rows = [
    { key: "definition", label: t.term.definition, always: true },
    { key: "context", label: t.term.context, always: true },
    { key: "note", label: t.records.note, always: false },
  ] as const;
  const langLabel = (lang: string) => format(lang === term.sourceLang ? t.records.inSourceLanguage : t.records.inTargetLanguage, { lang });
  return rows.map(({ key, label, always }) => {
    const filled = sides.filter((s) => s[key].trim());
    if (filled.length === 0 && !always) return null;
    return (
      <div key={key} style={{ display: "contents" }}>
        <dt>{label}</dt>
        {filled.length === 0 ? <dd lang={term.sourceLang} /> : null}
        {filled.map((s) => (
          <dd key={s.lang} lang={s.lang} data-testid={`term-${key}-${s.lang === term.sourceLang ? "source" : "target"}`}>
            {filled.length > 1 || s.lang !== term.sourceLang ? <span className="muted" lang={locale === "zh" ? "zh-Hans" : "en"}>{langLabel(s.lang)}: </span> : null}
            {s[key]}
          </dd>
        ))}
      </div>
    );
  });
}

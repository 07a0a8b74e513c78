import { CANDIDATE_NOTE, type LexiconExport } from "@/lib/schemas/lexicon";

/**
 * CSV per RFC 4180: CRLF line ends, every field that holds a comma, a double quote, CR or LF
 * quoted, with its quotes doubled. `excel` adds what Excel needs to open it as intended: a
 * UTF-8 byte order mark (otherwise Hanzi are read as the ANSI code page), and a leading
 * apostrophe before a field that starts with = + - @ or a tab/CR, which Excel would otherwise
 * run as a formula (CSV injection). Without `excel` the data is exactly as stored.
 */
export type CsvOptions = { excel?: boolean };

const BOM = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null | undefined, { excel = false }: CsvOptions = {}): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (excel && FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], options: CsvOptions = {}): string {
  const body = rows.map((row) => row.map((v) => csvField(v, options)).join(",")).join("\r\n");
  return (options.excel ? BOM : "") + body + (rows.length ? "\r\n" : "");
}

/**
 * One row per exported rendering; a term with none still gets one row (empty rendering columns).
 * `synonym_class` (standard, alternative, short, full, common, former) and `region` (CN, TW,
 * HK, MO, SG, empty for everywhere) are the rendering's; the term's definition, context and
 * note come in the source language and in the target language (`*_target`).
 * The term's columns and its decision's (decided_at, decided_by, statement_en, statement_zh:
 * empty while no decision is in force) repeat on each of its rows. `note` is what the other
 * columns do not say: on a term without a decision in force, that its renderings are only
 * candidates (the same note as the TBX); otherwise empty.
 */
export const LEXICON_CSV_COLUMNS = [
  "term",
  "headword",
  "abbreviation",
  "source_lang",
  "target_lang",
  "stage",
  "rendering",
  "pinyin",
  "traditional",
  "gloss",
  "rationale",
  "status",
  "synonym_class",
  "region",
  "decided_at",
  "decided_by",
  "statement_en",
  "statement_zh",
  "definition",
  "context",
  "definition_target",
  "context_target",
  "term_note",
  "term_note_target",
  "subject_field",
  "source",
  "note",
] as const;

export function lexiconToCsv(lexicon: LexiconExport, options: CsvOptions = {}): string {
  const rows: (string | null)[][] = [[...LEXICON_CSV_COLUMNS]];
  for (const e of lexicon.entries) {
    const term = [e.slug, e.headword, e.abbreviation, e.sourceLang, e.targetLang, e.stage];
    const about = [e.definition, e.context, e.definitionTarget, e.contextTarget, e.note, e.noteTarget, e.subjectField, e.source];
    const d = e.decision;
    const decided = [d?.decidedAt ?? "", d?.decidedBy ?? "", d?.statementEn ?? "", d?.statementZh ?? ""];
    const note = !d && e.renderings.length ? CANDIDATE_NOTE : "";
    if (e.renderings.length === 0) rows.push([...term, "", "", "", "", "", "", "", "", ...decided, ...about, note]);
    for (const r of e.renderings) {
      rows.push([...term, r.text, r.pinyin, r.traditional, r.gloss, r.rationale, r.status, r.synonymClass ?? "", r.region ?? "", ...decided, ...about, note]);
    }
  }
  return toCsv(rows, options);
}

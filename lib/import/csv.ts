import { classFromFile } from "@/lib/records/synonym-classes";
import { regionFromFile } from "@/lib/records/regions";
import { block, clean, FILE_STATUSES, IMPORT_MAX_CONCEPTS, type FileRead, type FileStatus, type ImportedConcept, type ImportedDesignation, type ImportProblem } from "@/lib/import/model";

/**
 * Reads the lexicon CSV (the one GET /api/lexicon.csv writes, lib/export/csv.ts): RFC 4180
 * records, a header row naming the columns, one row per rendering. Columns are found by name,
 * so their order and any extra columns do not matter; `headword` is required. Rows of one term
 * (the same `term` slug, else the same headword and source language) form one concept. A file
 * that starts with a byte order mark is the spreadsheet variant (`?bom=1`): the apostrophe it
 * put before formula-like cells is taken off again.
 */

type CsvRecord = { line: number; fields: string[] };

/** RFC 4180 records with the line each starts on; a malformed quote is a problem with its line. */
export function parseCsvRecords(text: string): { records: CsvRecord[]; problems: ImportProblem[] } {
  const records: CsvRecord[] = [];
  const problems: ImportProblem[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        const openedAt = line;
        i++;
        for (;;) {
          if (i >= text.length) {
            problems.push({ line: openedAt, message: "A quoted field is never closed (a missing double quote)." });
            return { records, problems };
          }
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === "\n") line++;
          field += c;
          i++;
        }
        if (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
          problems.push({ line, message: "Text after a closing double quote (a quote inside a field must be doubled)." });
          return { records, problems };
        }
      } else {
        while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
          if (text[i] === '"') {
            problems.push({ line, message: "A double quote inside an unquoted field (quote the field and double the quote)." });
            return { records, problems };
          }
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "\r") i++;
      if (text[i] === "\n") i++;
      line++;
      break;
    }
    // A blank line (one empty field) is not a record.
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: start, fields });
  }
  return { records, problems };
}

const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function readCsv(source: string): FileRead {
  const excel = source.charCodeAt(0) === 0xfeff;
  const { records, problems } = parseCsvRecords(excel ? source.slice(1) : source);
  if (problems.length > 0) return { file: null, problems };
  const [header, ...rows] = records;
  if (!header) return { file: null, problems: [{ line: 1, message: "The file is empty." }] };
  const columns = header.fields.map((h) => h.trim().toLowerCase());
  if (!columns.includes("headword")) {
    return { file: null, problems: [{ line: header.line, message: `This is not the lexicon CSV: the header row has no "headword" column (it has: ${columns.join(", ").slice(0, 200)}).` }] };
  }
  if (rows.length === 0) return { file: null, problems: [{ line: header.line, message: "The file has a header row but no terms." }] };

  const bad: ImportProblem[] = [];
  const concepts = new Map<string, ImportedConcept>();
  for (const row of rows) {
    if (row.fields.length !== columns.length) {
      bad.push({ line: row.line, message: `The row has ${row.fields.length} fields; the header has ${columns.length}.` });
      continue;
    }
    const cell = (name: string) => {
      const at = columns.indexOf(name);
      const v = at < 0 ? "" : row.fields[at]!;
      return excel ? v.replace(FORMULA_GUARD, "") : v;
    };
    const headword = clean(cell("headword"));
    if (!headword) {
      bad.push({ line: row.line, message: "The row has no headword." });
      continue;
    }
    const slug = clean(cell("term"));
    const sourceLang = clean(cell("source_lang")) || "en";
    const key = slug ? `slug:${slug}` : `head:${headword.toLowerCase()}\u0000${sourceLang.toLowerCase()}`;
    let c = concepts.get(key);
    if (!c) {
      const headTerm: ImportedDesignation = { text: headword, line: row.line, notes: [], context: block(cell("context")) || undefined };
      const abbreviation = clean(cell("abbreviation"));
      c = {
        line: row.line,
        id: SLUG.test(slug) ? `c-${slug}` : undefined,
        subjectField: block(cell("subject_field")) || undefined,
        languages: { source: sourceLang, target: clean(cell("target_lang")) || undefined },
        sections: [
          {
            lang: sourceLang,
            line: row.line,
            definition: block(cell("definition")) || undefined,
            source: block(cell("source")) || undefined,
            note: block(cell("term_note")) || undefined,
            terms: [headTerm, ...(abbreviation ? [{ text: abbreviation, line: row.line, termType: "abbreviation", notes: [] }] : [])],
          },
          {
            lang: clean(cell("target_lang")) || "",
            line: row.line,
            definition: block(cell("definition_target")) || undefined,
            context: block(cell("context_target")) || undefined,
            note: block(cell("term_note_target")) || undefined,
            terms: [],
          },
        ],
      };
      concepts.set(key, c);
    }
    const text = clean(cell("rendering"));
    if (!text) continue;
    const status = clean(cell("status")).toLowerCase();
    c.sections[1]!.terms.push({
      text,
      line: row.line,
      status: (FILE_STATUSES as readonly string[]).includes(status) ? (status as FileStatus) : undefined,
      pinyin: clean(cell("pinyin")) || undefined,
      traditional: clean(cell("traditional")) || undefined,
      gloss: block(cell("gloss")) || undefined,
      rationale: block(cell("rationale")) || undefined,
      region: regionFromFile(cell("region")),
      synonymClass: classFromFile({ cell: cell("synonym_class") }),
      notes: [],
    });
  }
  if (bad.length > 0) return { file: null, problems: bad.slice(0, 50) };
  if (concepts.size > IMPORT_MAX_CONCEPTS) return { file: null, problems: [{ line: 1, message: `The file has ${concepts.size} terms; at most ${IMPORT_MAX_CONCEPTS} are read at once (split the file).` }] };
  return { file: { format: "csv", concepts: [...concepts.values()] }, problems: [] };
}
